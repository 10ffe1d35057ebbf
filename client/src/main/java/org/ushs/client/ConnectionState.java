package org.ushs.client;

/**
 * Where a {@link UshsClient} is. {@code CONNECTING -> [RESUMING ->] CONNECTED}, then {@code
 * DISCONNECTED -> CONNECTING ...} after a loss, until {@code STOPPED}.
 */
public enum ConnectionState {
  /** Opening a connection, or opened and not yet accepted by the server. */
  CONNECTING,
  /** Accepted; the server replays what was missed after Last-Event-ID. */
  RESUMING,
  /** Accepted and live. */
  CONNECTED,
  /** Lost; waiting to reconnect ({@link StateChange#retryIn()}). */
  DISCONNECTED,
  /** Closed for good: by {@link UshsClient#close()}, a credentials error or the attempt limit. */
  STOPPED
}
