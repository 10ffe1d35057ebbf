/**
 * Per-connection limits and liveness: connection counts, the rate limiter, heartbeats, the outbound
 * byte bound, priority shedding before it, the delays of go-aways.
 */
package org.ushs.gateway.connection;
