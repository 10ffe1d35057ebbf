package org.ushs.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ushs.protocol.CloseCode;
import org.ushs.protocol.EventCatalog;

/**
 * The browser client's vocabulary (ushs-client.js, as served) and the live view's (index.html)
 * agree with the catalog and the code table of {@code protocol/}: a code or a name added on one
 * side only fails here.
 */
class ClientVocabularyTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = ClientVocabularyTest.class.getResourceAsStream("/ushs-ui/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The JSON inside {@code export const <name> = Object.freeze(...)}. */
  private static JsonObject frozen(String script, String name) {
    Matcher m =
        Pattern.compile(
                "export const " + name + " = Object\\.freeze\\((\\{.*?\\})\\);", Pattern.DOTALL)
            .matcher(script);
    assertTrue(m.find(), name + " not found in ushs-client.js");
    return new JsonObject(m.group(1));
  }

  private static String expectedAction(CloseCode code) {
    return switch (code.advice) {
      case RECONNECT_NOW -> "now";
      case RECONNECT_WITH_BACKOFF -> "backoff";
      case FIX_CLIENT, FIX_CREDENTIALS -> "stop";
    };
  }

  @Test
  void everyCodeOfTheTableHasTheActionItsAdviceSays() throws IOException {
    JsonObject actions = frozen(resource("ushs-client.js"), "CLOSE_ACTIONS");
    for (CloseCode code : CloseCode.values()) {
      assertEquals(
          expectedAction(code), actions.getString(Integer.toString(code.code)), code.name());
    }
    for (String listed : actions.fieldNames()) {
      int number = Integer.parseInt(listed);
      assertTrue(
          CloseCode.of(number).isPresent() || (number >= 1000 && number < 1016),
          listed + " is neither the server's nor RFC 6455's");
    }
  }

  @Test
  void familiesSeveritiesAndFilterKeysAreTheCatalogs() throws IOException {
    JsonObject vocabulary = frozen(resource("ushs-client.js"), "VOCABULARY");
    assertEquals(EventCatalog.familyNames(), vocabulary.getJsonArray("families").getList());
    assertEquals(EventCatalog.SEVERITIES, vocabulary.getJsonArray("severities").getList());
    assertEquals(EventCatalog.FILTER_KEYS, vocabulary.getJsonArray("filterKeys").getList());
  }

  @Test
  void theLiveViewOffersTheCatalogsFamiliesAndSeverities() throws IOException {
    String page = resource("index.html");
    assertEquals(EventCatalog.familyNames(), values(page, "name=\"family\" value=\"([^\"]+)\""));
    for (String option : values(page, "<option value=\"([^\"]+)\"")) {
      List<String> chosen = List.of(option.split(","));
      assertEquals(EventCatalog.SEVERITIES.subList(0, chosen.size()), chosen, option);
    }
  }

  private static List<String> values(String page, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(page);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
