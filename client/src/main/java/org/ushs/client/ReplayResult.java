package org.ushs.client;

/**
 * The server's answer to a resume, after the replayed events. {@code recovered == false} means the
 * resume point was unknown, of another epoch (the log started over) or had left retention, or a
 * replay lost events: events may have been missed; the application should reload its state.
 *
 * @param recovered whether every missed event was replayed
 * @param count how many events were replayed
 * @param lastEventId the id of the last event delivered when the answer came
 * @param epoch the log's epoch now; null from a server without epochs
 * @param epochChanged whether that epoch differs from the one the client knew: the log started
 *     over, and the client compares sequences afresh (the new log's are lower)
 */
public record ReplayResult(
    boolean recovered, int count, String lastEventId, String epoch, boolean epochChanged) {}
