package org.ushs.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * NATS, the peer USHS is measured against: the same events published with {@code PUB} over the
 * client protocol on a subject naming the event's service ({@code ushs.events.svc-3}), so that a
 * subscriber filters on a service as a USHS one does; each request is followed by a {@code PING},
 * whose {@code PONG} (NATS answers in order) is the request's acknowledgement. What subscribers
 * receive is the event with {@code "sequence"} (the publish number) first, the shape and size of a
 * USHS delivery.
 */
final class NatsChannel implements PublishChannel {

  static final String SUBJECT = "ushs.events";
  static final String CONNECT =
      "CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1,\"name\":\"ushs-bench\"}\r\n";

  private final Target target;
  private final EventFactory events;
  private final NatsStream stream = new NatsStream();
  private final ArrayDeque<Promise<Integer>> awaitingPong = new ArrayDeque<>();
  private NetClient client;
  private NetSocket socket;

  NatsChannel(Target target, EventFactory events) {
    this.target = target;
    this.events = events;
  }

  /** What a subscriber sends: every service's subject, or the one of {@code service}. */
  static String subscribe(String service) {
    return "SUB " + SUBJECT + "." + (service == null ? "*" : service) + " 1\r\nPING\r\n";
  }

  @Override
  public Future<Void> open(Vertx vertx) {
    client = vertx.createNetClient(); // held: Vert.x shuts an unreachable client down
    return client
        .connect(target.natsPort(), target.host())
        .map(
            connected -> {
              socket = connected;
              socket.handler(this::read);
              socket.write(Buffer.buffer(ascii(CONNECT)));
              return null;
            });
  }

  @Override
  public Future<Integer> send(long first, List<byte[]> batch) {
    Buffer request = Buffer.buffer(batch.size() * (EventFactory.DELIVERED_SIZE + 40));
    for (int i = 0; i < batch.size(); i++) {
      byte[] payload = sequenced(first + i, batch.get(i));
      String subject = SUBJECT + "." + events.service(first + i);
      request
          .appendString("PUB " + subject + " " + payload.length + "\r\n")
          .appendBytes(payload)
          .appendString("\r\n");
    }
    request.appendString("PING\r\n");
    Promise<Integer> acked = Promise.promise();
    awaitingPong.add(acked);
    socket.write(request);
    return acked.future();
  }

  /** {@code event} with {@code "sequence":"n"} as its first attribute, as USHS delivers it. */
  static byte[] sequenced(long n, byte[] event) {
    byte[] head = ascii("{\"sequence\":\"" + n + "\",");
    byte[] payload = new byte[head.length + event.length - 1];
    System.arraycopy(head, 0, payload, 0, head.length);
    System.arraycopy(event, 1, payload, head.length, event.length - 1);
    return payload;
  }

  private void read(Buffer buffer) {
    byte[] bytes = buffer.getBytes();
    stream.feed(
        bytes,
        0,
        bytes.length,
        new NatsStream.Sink() {
          @Override
          public void message(byte[] data, int from, int to) {
            // the publisher subscribes to nothing
          }

          @Override
          public void ping() {
            socket.write(Buffer.buffer(ascii("PONG\r\n")));
          }

          @Override
          public void pong() {
            Promise<Integer> next = awaitingPong.poll();
            if (next != null) {
              next.complete(ACCEPTED);
            }
          }

          @Override
          public void error(String line) {
            Promise<Integer> next = awaitingPong.poll();
            if (next != null) {
              next.fail(line);
            }
          }
        });
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
