package org.ushs.gateway.resume;

import io.vertx.core.Future;

/**
 * Turns a {@link ResumePoint} into the sequence to replay after, or null when no honest resume is
 * possible (unknown id, another epoch, an id several sources used): the answer is then {@code
 * recovered:false}. Answers from the {@link IdIndex} when it can, from the log otherwise.
 */
public final class ResumeResolver {

  private final IdIndex index;
  private final ResumeLog log;

  public ResumeResolver(IdIndex index, ResumeLog log) {
    this.index = index;
    this.log = log;
  }

  /** The sequence after which to replay (-1 for everything), or null when none. */
  public Future<Long> after(ResumePoint point) {
    if (point instanceof ResumePoint.Earliest) {
      return Future.succeededFuture(-1L);
    }
    if (point instanceof ResumePoint.Position position) {
      return Future.succeededFuture(
          position.epoch().equals(log.epoch()) ? position.sequence() : null);
    }
    if (point instanceof ResumePoint.SourcedId sourced) {
      Long known = index.get(sourced.source(), sourced.id());
      return known != null
          ? Future.succeededFuture(known)
          : log.find(sourced.source(), sourced.id()).map(ResumeResolver::found);
    }
    return bare(((ResumePoint.BareId) point).id());
  }

  /** A bare id: the index answers only when it covers all the log retains. */
  private Future<Long> bare(String id) {
    if (index.ambiguous(id)) {
      return Future.succeededFuture(null);
    }
    Long known = index.getBare(id);
    Future<Boolean> indexCovers =
        known == null
            ? Future.succeededFuture(false)
            : log.oldest().map(oldest -> index.firstSequence() <= oldest);
    return indexCovers.compose(
        covers ->
            covers
                ? Future.succeededFuture(known)
                : log.findBare(id)
                    .map(found -> found.ambiguous() ? null : found(found.sequence())));
  }

  private static Long found(long sequence) {
    return sequence < 0 ? null : sequence;
  }
}
