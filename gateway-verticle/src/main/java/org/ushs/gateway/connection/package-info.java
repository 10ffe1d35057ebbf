/**
 * Per-connection limits and liveness: connection counts, the rate limiter, heartbeats, the outbound
 * byte bound, the spread of go-aways.
 */
package org.ushs.gateway.connection;
