package org.ushs.common.auth;

import java.util.List;
import java.util.Set;

/**
 * Which keys may verify a token, from its header alone. Only HS256, RS256 and ES256 are accepted
 * (so {@code none} never is). A token that names a {@code kid} is checked against that key only,
 * and only if the key is pinned to the token's algorithm: an HS256 token naming an RSA key is
 * refused before any signature is computed. A token without a {@code kid} is checked against the
 * keys pinned to its algorithm. Pure.
 */
public final class JwtKeyChoice {

  /** The algorithms a key can be pinned to. */
  public static final Set<String> ALGORITHMS = Set.of("HS256", "RS256", "ES256");

  /** A key as the choice sees it: its id (null for none) and the one algorithm it verifies. */
  public interface Pinned {
    String kid();

    String algorithm();
  }

  private JwtKeyChoice() {}

  /** The keys of {@code keys} to try, in order; never empty. Throws {@link AuthFailure}. */
  public static <K extends Pinned> List<K> choose(JwtHeader header, List<K> keys) {
    String alg = header.algorithm();
    if (!ALGORITHMS.contains(alg)) {
      throw AuthFailure.invalid(
          "invalid token: algorithm " + header.printableAlgorithm() + " not accepted");
    }
    if (header.kid() != null) {
      K named =
          keys.stream()
              .filter(key -> header.kid().equals(key.kid()))
              .findFirst()
              .orElseThrow(() -> AuthFailure.invalid("invalid token: unknown key id"));
      if (!alg.equals(named.algorithm())) {
        throw AuthFailure.invalid("invalid token: algorithm does not match the key");
      }
      return List.of(named);
    }
    List<K> pinned = keys.stream().filter(key -> alg.equals(key.algorithm())).toList();
    if (pinned.isEmpty()) {
      throw AuthFailure.invalid("invalid token: no key for algorithm " + alg);
    }
    return pinned;
  }
}
