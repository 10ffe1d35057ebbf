package org.ushs.common.bus;

/** Every event-bus address of USHS, in one place. */
public final class Addresses {

  /** Published to every gateway: {@link EventBatch} of newly logged events, in sequence order. */
  public static final String EVENTS = "ushs.events";

  /** Request/reply ingest for healing services inside the cluster: CloudEvent JSON in, ack out. */
  public static final String INGEST = "ushs.ingest";

  /** Request/reply read of the log: {@link ReadRequest} in, {@link EventBatch} out. */
  public static final String REPLAY_READ = "ushs.replay.read";

  /** Request/reply: the newest sequence of the log (a Long, -1 when empty). */
  public static final String REPLAY_NEWEST = "ushs.replay.newest";

  /** Request/reply: the sequence of the newest event with a CloudEvent id (-1 when none). */
  public static final String REPLAY_FIND = "ushs.replay.find";

  /** Request/reply: the log's epoch now (a String). */
  public static final String REPLAY_EPOCH = "ushs.replay.epoch";

  /** Request/reply: the sequence of the event of a source and id ({@code {"source","id"}} in). */
  public static final String REPLAY_FIND_KEY = "ushs.replay.find.key";

  /** Request/reply: {@code {"sequence","ambiguous"}} of a bare id. */
  public static final String REPLAY_FIND_ID = "ushs.replay.find.id";

  private static final String WRITER_PREFIX = "ushs.log.writer.";

  /**
   * Request/reply to the log writers of the cluster member {@code memberId} (the member owning the
   * partition named in the request): {@link WriteRequest} in, {@link WriteResult} out.
   */
  public static String writer(String memberId) {
    return WRITER_PREFIX + memberId;
  }

  private Addresses() {}
}
