package org.ushs.bench;

import java.util.List;

/**
 * The node under test and how to reach it.
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
    List<String> localAddresses) {

  Target {
    localAddresses = List.copyOf(localAddresses);
  }

  static Target of(Options options) {
    String secret = options.required("secret");
    long now = System.currentTimeMillis() / 1000;
    return new Target(
        options.string("host", "127.0.0.1"),
        options.integer("gateway-port", 8080),
        options.integer("ingest-port", 8081),
        Tokens.subscriber(secret, now),
        Tokens.publisher(secret, now),
        options.number("server-pid", 0),
        options.list("local-addresses", "127.0.0.1"));
  }
}
