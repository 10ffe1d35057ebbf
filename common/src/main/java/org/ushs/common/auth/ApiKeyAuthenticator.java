package org.ushs.common.auth;

import io.vertx.core.Future;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks API keys against the SHA-256 hashes of the keys file. The presented key is hashed and
 * compared with every entry in constant time ({@link MessageDigest#isEqual}), so neither the time
 * taken nor the order of entries tells anything about a stored hash. Thread-safe.
 */
public final class ApiKeyAuthenticator implements Authenticator {

  private final List<ApiKeyEntry> entries;
  private final byte[][] hashes;

  public ApiKeyAuthenticator(List<ApiKeyEntry> entries) {
    this.entries = List.copyOf(entries);
    this.hashes = new byte[entries.size()][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = HexFormat.of().parseHex(this.entries.get(i).sha256());
    }
  }

  @Override
  public Future<Principal> authenticate(Credentials credentials) {
    if (!(credentials instanceof Credentials.ApiKey apiKey)) {
      return Future.failedFuture(AuthFailure.invalid("unsupported credentials"));
    }
    byte[] presented = ApiKeysFile.digest(apiKey.key());
    ApiKeyEntry match = null;
    for (int i = 0; i < hashes.length; i++) {
      if (MessageDigest.isEqual(presented, hashes[i]) && match == null) {
        match = entries.get(i);
      }
    }
    return match == null
        ? Future.failedFuture(AuthFailure.invalid("invalid API key"))
        : Future.succeededFuture(new Principal("apikey:" + match.id(), match.permissions(), null));
  }
}
