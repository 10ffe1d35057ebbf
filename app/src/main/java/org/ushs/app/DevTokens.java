package org.ushs.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ushs.common.config.ConfigException;
import org.ushs.common.config.ConfigLoader;
import org.ushs.protocol.Hs256;

/**
 * Prints a subscriber token and a publisher token, valid 24 h, signed with {@code USHS_JWT_SECRET}:
 * for trying a cluster whose nodes share that secret (dev mode makes a secret per node, which a
 * cluster cannot use). Output is shell assignments:
 *
 * <pre>
 * USHS_JWT_SECRET=... java -cp app/target/ushs.jar org.ushs.app.DevTokens
 * SUBSCRIBER_TOKEN=eyJ...
 * PUBLISHER_TOKEN=eyJ...
 * </pre>
 */
public final class DevTokens {

  private static final int MINUTES = 24 * 60;

  private DevTokens() {}

  public static void main(String[] args) {
    String secret = System.getenv("USHS_JWT_SECRET");
    try {
      if (secret == null) {
        throw new ConfigException("USHS_JWT_SECRET", "required: the secret the nodes share");
      }
      secret = ConfigLoader.load(Map.of("USHS_JWT_SECRET", secret)).auth().jwtSecret();
    } catch (ConfigException e) {
      System.err.println("ushs: " + e.getMessage());
      System.exit(2);
      return;
    }
    Instant now = Instant.now();
    Duration ttl = Duration.ofMinutes(MINUTES);
    System.out.println(
        "SUBSCRIBER_TOKEN=" + Hs256.mint(secret, "dev-subscriber", null, null, false, now, ttl));
    System.out.println(
        "PUBLISHER_TOKEN=" + Hs256.mint(secret, "dev-publisher", null, null, true, now, ttl));
  }
}
