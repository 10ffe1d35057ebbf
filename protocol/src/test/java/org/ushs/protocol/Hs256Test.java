package org.ushs.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Hs256}: RFC 7515's example signature, and the claims the gateway reads. */
class Hs256Test {

  @Test
  void signsAsRfc7515AppendixA1() {
    String input =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    byte[] key =
        Base64.getUrlDecoder()
            .decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    assertEquals("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", Hs256.sign(input, key));
  }

  @Test
  void claimsCarrySubjectExpiryAndPermissions() {
    String token =
        Hs256.mint(
            "s".repeat(32),
            "o\"p\\s\n",
            List.of("error", "org.ushs.patch.generated"),
            List.of("api"),
            false,
            Instant.ofEpochSecond(1000),
            Duration.ofMinutes(5));
    String[] parts = token.split("\\.", -1);
    assertEquals(new JsonObject().put("alg", "HS256").put("typ", "JWT"), json(parts[0]));
    assertEquals(
        new JsonObject(
            "{\"sub\":\"o\\\"p\\\\s\\n\",\"iat\":1000,\"exp\":1300,\"ushs\":{\"publish\":false,"
                + "\"eventTypes\":[\"error\",\"org.ushs.patch.generated\"],\"services\":[\"api\"]}}"),
        json(parts[1]));
    assertEquals(
        Hs256.sign(parts[0] + "." + parts[1], "s".repeat(32).getBytes(StandardCharsets.UTF_8)),
        parts[2]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      plain        | "plain"
      é😀          | "é😀"
      """)
  void quotesJsonStrings(String text, String quoted) {
    assertEquals(quoted, Hs256.quote(text));
    assertEquals("\"\\u0001\"", Hs256.quote("\u0001"));
  }

  private static JsonObject json(String part) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }
}
