package org.ushs.client;

import java.net.URI;
import java.time.Duration;

/**
 * A state transition, with what caused it. The close code and reason always belong to {@code
 * endpoint}: for {@code DISCONNECTED} that is the endpoint whose connection ended (or could not be
 * opened), and {@code nextEndpoint} the one the next attempt goes to.
 *
 * @param state the new state
 * @param endpoint the endpoint concerned
 * @param closeCode the close code that ended the connection to {@code endpoint}, or null (none
 *     sent, or it never opened)
 * @param reason why that connection ended (the close reason or the failure), or null
 * @param retryIn for {@code DISCONNECTED}, the delay before the next attempt; otherwise null
 * @param nextEndpoint for {@code DISCONNECTED}, where the next attempt goes; otherwise null
 */
public record StateChange(
    ConnectionState state,
    URI endpoint,
    Integer closeCode,
    String reason,
    Duration retryIn,
    URI nextEndpoint) {}
