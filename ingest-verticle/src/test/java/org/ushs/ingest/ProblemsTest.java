package org.ushs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ushs.common.event.Problem;

/** {@link Problems}: bodies stay small whatever a client sends. */
class ProblemsTest {

  @Test
  void tenThousandProblemsListTheFirstHundredAndCountTheRest() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      problems.add(new Problem("[" + i + "].type", "required: a string"));
    }
    JsonObject body = Problems.invalid(problems);
    JsonArray errors = body.getJsonArray("errors");
    assertEquals(100, errors.size());
    assertEquals("[99].type", errors.getJsonObject(99).getString("field"));
    assertEquals(9_900, body.getInteger("errorsOmitted"));
    assertTrue(body.getString("detail").startsWith("10000 invalid field(s)"));
    assertTrue(body.toBuffer().length() < 10_000, "body of " + body.toBuffer().length() + " B");
  }

  @Test
  void aFewProblemsAreListedWhole() {
    JsonObject body = Problems.invalid(List.of(new Problem("id", "required")));
    assertEquals(1, body.getJsonArray("errors").size());
    assertNull(body.getValue("errorsOmitted"));
  }

  @Test
  void longValuesAreCutAndSaySo() {
    String type = "org.ushs.error." + "x".repeat(60_000);
    JsonObject body =
        Problems.invalid(List.of(new Problem("data." + type, "unknown type " + type)));
    JsonObject error = body.getJsonArray("errors").getJsonObject(0);
    for (String text : List.of(error.getString("field"), error.getString("error"))) {
      assertEquals(Problems.MAX_TEXT + Problems.CUT.length(), text.length());
      assertTrue(text.endsWith(Problems.CUT));
    }
    assertTrue(body.toBuffer().length() < 2_000);
    assertFalse(Problems.cut("short").endsWith(Problems.CUT));
  }
}
