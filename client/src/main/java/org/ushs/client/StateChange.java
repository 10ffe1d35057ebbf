package org.ushs.client;

import java.net.URI;
import java.time.Duration;

/**
 * A state transition, with what caused it.
 *
 * @param state the new state
 * @param endpoint the endpoint concerned
 * @param closeCode the close code that ended the last connection, or null
 * @param reason the close reason or failure, or null
 * @param retryIn for {@code DISCONNECTED}, the delay before the next attempt; otherwise null
 */
public record StateChange(
    ConnectionState state, URI endpoint, Integer closeCode, String reason, Duration retryIn) {}
