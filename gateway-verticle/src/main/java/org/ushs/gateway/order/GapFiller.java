package org.ushs.gateway.order;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.common.bus.EventBatch;
import org.ushs.common.log.LogReader;

/**
 * Feeds a {@link Sequencer} from the bus and fills its gaps from the log: a gap that stays open for
 * {@code gapWait} (the bus may just be late) is read from the log, in bounded reads, until closed.
 * A periodic look at the log's newest sequence finds a lost last event too, while the node receives
 * the live stream ({@code following}): a node that stopped receiving for want of clients reads
 * nothing, and restarts at the log's tail ({@link #restartAt}). Runs on one context.
 */
public final class GapFiller {

  private static final Logger LOG = Logger.getLogger(GapFiller.class.getName());
  private static final int MAX_READ = 1000;
  private static final long TAIL_CHECK_MS = 1000;

  private final Vertx vertx;
  private final LogReader reader;
  private final Sequencer sequencer;
  private final long gapWaitMs;
  private final BooleanSupplier following;
  private long timer = -1;
  private long tailTimer = -1;
  private boolean reading;
  private final AtomicLong filled = new AtomicLong();

  public GapFiller(
      Vertx vertx,
      LogReader reader,
      Sequencer sequencer,
      Duration gapWait,
      BooleanSupplier following) {
    this.vertx = vertx;
    this.reader = reader;
    this.sequencer = sequencer;
    this.gapWaitMs = Math.max(1, gapWait.toMillis());
    this.following = following;
  }

  /** Learns where the log stands and starts the periodic tail check. */
  public void start() {
    reader.newest().onSuccess(newest -> sequencer.startAt(newest + 1));
    tailTimer = vertx.setPeriodic(TAIL_CHECK_MS, id -> checkTail());
  }

  public void stop() {
    vertx.cancelTimer(tailTimer);
    vertx.cancelTimer(timer);
  }

  /** Events taken from the log to close gaps, so far; readable from any thread. */
  public long filled() {
    return filled.get();
  }

  /** The live stream starts over at {@code sequence} (see {@link Sequencer#restartAt}). */
  public void restartAt(long sequence) {
    sequencer.restartAt(sequence);
    scheduleFill();
  }

  /** A batch from the bus. */
  public void onLive(EventBatch batch) {
    sequencer.accept(batch.events());
    scheduleFill();
  }

  /** Learns that the log holds events up to {@code newest}, and reads any not seen yet. */
  public void expect(long newest) {
    sequencer.expectUpTo(newest);
    scheduleFill();
  }

  private void scheduleFill() {
    if (sequencer.hasGap() && timer < 0 && !reading) {
      timer =
          vertx.setTimer(
              gapWaitMs,
              id -> {
                timer = -1;
                fill();
              });
    }
  }

  private void fill() {
    if (reading || !sequencer.hasGap()) {
      return;
    }
    reading = true;
    long from = sequencer.next();
    int max = (int) Math.min(MAX_READ, sequencer.gapEnd() - from);
    reader
        .read(from, max)
        .onComplete(
            result -> {
              reading = false;
              if (result.succeeded()) {
                filled.addAndGet(result.result().events().size());
                sequencer.fill(result.result());
                fill();
              } else {
                LOG.log(
                    Level.WARNING,
                    "gap fill from {0} failed: {1}",
                    new Object[] {from, result.cause().toString()});
                scheduleFill();
              }
            });
  }

  private void checkTail() {
    if (reading || timer >= 0 || sequencer.next() < 0 || !following.getAsBoolean()) {
      return;
    }
    reader
        .newest()
        .onSuccess(
            newest -> {
              sequencer.expectUpTo(newest);
              scheduleFill();
            });
  }
}
