package org.ushs.bench;

import java.util.List;

/**
 * The server under test and how to reach it: a USHS node, or a NATS server (websocket on {@code
 * gatewayPort}, its client protocol on {@code natsPort}) to compare with.
 *
 * @param localAddresses client source addresses to spread connections over (several 127.0.0.x give
 *     each its own ephemeral port range)
 */
record Target(
    String host,
    int gatewayPort,
    int ingestPort,
    String subscriberToken,
    String publisherToken,
    long serverPid,
    List<String> localAddresses,
    boolean nats,
    int natsPort) {

  Target {
    localAddresses = List.copyOf(localAddresses);
  }

  static Target of(Options options) {
    boolean nats = options.string("server", "ushs").equals("nats");
    String secret = nats ? options.string("secret", "unused") : options.required("secret");
    long now = System.currentTimeMillis() / 1000;
    return new Target(
        options.string("host", "127.0.0.1"),
        options.integer("gateway-port", 8080),
        options.integer("ingest-port", 8081),
        Tokens.subscriber(secret, now),
        Tokens.publisher(secret, now),
        options.number("server-pid", 0),
        options.list("local-addresses", "127.0.0.1"),
        nats,
        options.integer("nats-port", 4222));
  }
}
