package org.ushs.common.config;

import java.time.Duration;

/** Retention of the replay log: at most {@code capacity} events, none older than {@code ttl}. */
public record ReplaySettings(int capacity, Duration ttl) {}
