package org.ushs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevTokenTest {

  /** RFC 7515 appendix A.1: the HS256 example, its key and its signature. */
  @Test
  void signsAsRfc7515AppendixA1() {
    String input =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    byte[] key =
        Base64.getUrlDecoder()
            .decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    assertEquals("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", DevToken.sign(input, key));
  }

  @Test
  void claimsCarryExpiryAndPermissions() {
    String token =
        DevToken.mint(
            "s".repeat(32),
            "ops",
            List.of("error"),
            null,
            true,
            Instant.ofEpochSecond(1000),
            Duration.ofMinutes(5));
    String[] parts = token.split("\\.", -1);
    assertEquals(3, parts.length);
    JsonObject header = new JsonObject(decode(parts[0]));
    JsonObject claims = new JsonObject(decode(parts[1]));
    assertEquals("HS256", header.getString("alg"));
    assertEquals(
        new JsonObject(
            "{\"sub\":\"ops\",\"iat\":1000,\"exp\":1300,"
                + "\"ushs\":{\"publish\":true,\"eventTypes\":[\"error\"]}}"),
        claims);
    assertEquals(
        DevToken.sign(parts[0] + "." + parts[1], "s".repeat(32).getBytes(StandardCharsets.UTF_8)),
        parts[2]);
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({"90s, 90", "30m, 1800", "12h, 43200", "7d, 604800", "1500ms, 1"})
  void readsDurations(String text, long seconds) {
    assertEquals(seconds, TokenCommand.Durations.parse(text).toSeconds());
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource({"1y", "abc", "-5s", "''"})
  void refusesBadDurations(String text) {
    assertThrows(Ushs.UsageException.class, () -> TokenCommand.Durations.parse(text));
  }
}
