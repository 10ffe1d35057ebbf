/** The Micrometer registry of a node and its Prometheus {@code /metrics} route. */
package org.ushs.common.metrics;
