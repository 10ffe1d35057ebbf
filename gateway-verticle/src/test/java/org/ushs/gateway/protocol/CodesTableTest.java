package org.ushs.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ushs.protocol.CloseCode;

/** {@link ErrorCode} and README's {@code ## Codes} table are the same table. */
class CodesTableTest {

  private static final Path README = Path.of("..", "README.md");

  /** The rows of the Codes table: code -> cells. */
  private static Map<Integer, List<String>> rows() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Codes");
    assertTrue(start >= 0, "README has no ## Codes section");
    int end = readme.indexOf("\n## ", start + 1);
    String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
    Map<Integer, List<String>> rows = new HashMap<>();
    for (String line : section.split("\n", -1)) {
      List<String> cells =
          Arrays.stream(line.split("\\|", -1)).map(String::trim).collect(Collectors.toList());
      if (line.startsWith("|") && cells.size() > 2 && cells.get(1).matches("\\d{4}")) {
        rows.put(Integer.parseInt(cells.get(1)), cells.subList(1, cells.size() - 1));
      }
    }
    return rows;
  }

  @Test
  void theReadmeListsExactlyTheCodesOfErrorCode() throws IOException {
    assertEquals(
        Arrays.stream(ErrorCode.values()).map(code -> code.code).collect(Collectors.toSet()),
        rows().keySet());
  }

  @Test
  void everyCodeOfTheSharedTableIsOneOfTheGateways() {
    assertEquals(
        Arrays.stream(CloseCode.values()).collect(Collectors.toSet()),
        Arrays.stream(ErrorCode.values()).map(code -> code.shared).collect(Collectors.toSet()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ErrorCode.class)
  void theReadmeGivesTheSameAdvice(ErrorCode code) throws IOException {
    List<String> row = rows().get(code.code);
    assertNotNull(row, "no README row for " + code.code);
    String advice = row.get(row.size() - 1);
    assertTrue(advice.contains(code.advice.words), code.code + ": " + advice);
  }
}
