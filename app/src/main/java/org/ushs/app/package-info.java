/**
 * A node: reads the configuration, starts Hazelcast and the Vert.x cluster, deploys the roles, and
 * adds what only a whole node knows (dev mode, quorum, readiness, metrics, graceful shutdown, the
 * {@code keys} command).
 */
package org.ushs.app;
