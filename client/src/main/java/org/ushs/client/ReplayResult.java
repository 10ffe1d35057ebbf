package org.ushs.client;

/**
 * The server's answer to a resume, after the replayed events. {@code recovered == false} means the
 * last event id was unknown or had left retention: nothing was replayed and events may have been
 * missed; the application should reload its state.
 *
 * @param recovered whether every missed event was replayed
 * @param count how many events were replayed
 * @param lastEventId the id the client resumed after
 */
public record ReplayResult(boolean recovered, int count, String lastEventId) {}
