package org.ushs.bench;

import java.util.List;

/**
 * How to publish in a round.
 *
 * <ul>
 *   <li>{@link Mode#WINDOW}: as fast as the subscribers take it, with at most {@code window}
 *       deliveries published but not yet received (saturation without slow-consumer closes);
 *   <li>{@link Mode#RATE}: {@code eventsPerSecond}, paced every millisecond;
 *   <li>{@link Mode#ACKS}: as fast as the publish acks come back (ingest throughput).
 * </ul>
 *
 * @param maxEvents stop after this many events (0: no limit)
 * @param seconds stop after this long (0: no limit)
 * @param deliveriesPerService the deliveries one event of each service makes
 */
record PublishPlan(
    Mode mode,
    double eventsPerSecond,
    long window,
    int batch,
    int concurrency,
    long maxEvents,
    double seconds,
    List<Long> deliveriesPerService) {

  enum Mode {
    WINDOW,
    RATE,
    ACKS
  }

  static List<Long> perService(long... deliveries) {
    return java.util.Arrays.stream(deliveries).boxed().toList();
  }

  PublishPlan {
    deliveriesPerService = List.copyOf(deliveriesPerService);
  }

  long deliveriesOf(long n) {
    return deliveriesPerService.get((int) (n % deliveriesPerService.size()));
  }
}
