package org.ushs.gateway.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ResumeResolver}: every resume form, from the index or the log. The log holds {@code (/a,
 * x)} at 3, {@code (/b, x)} at 7, {@code (/a, y)} at 5 and other events 0..9; the index saw events
 * from {@code indexFrom} on.
 */
class ResumeResolverTest {

  private static ResumePoint point(String form) {
    String[] parts = form.split(" ", -1);
    return switch (parts[0]) {
      case "earliest" -> new ResumePoint.Earliest();
      case "position" -> new ResumePoint.Position(parts[1], Long.parseLong(parts[2]));
      case "sourced" -> new ResumePoint.SourcedId(parts[1], parts[2]);
      default -> new ResumePoint.BareId(parts[1]);
    };
  }

  /** Columns: the point, where the index starts (-1: it saw nothing), the answer (- : none). */
  @ParameterizedTest(name = "{0}, index from {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          earliest                        | -1 | -1
          position 0123456789abcdef 4     | -1 | 4
          position 00000000000000ff 4     | -1 | -
          sourced /a x                    | 0  | 3
          sourced /b x                    | 0  | 7
          sourced /b x                    | -1 | 7
          sourced /c x                    | -1 | -
          bare y                          | 0  | 5
          bare y                          | 4  | 5
          bare y                          | -1 | 5
          bare x                          | 0  | -
          bare x                          | 4  | -
          bare x                          | -1 | -
          bare nothing                    | 0  | -
          """)
  void resolves(String form, long indexFrom, String expected) throws Exception {
    MemoryLog log = new MemoryLog();
    log.append(0, 10);
    log.put(3, "/a", "x");
    log.put(5, "/a", "y");
    log.put(7, "/b", "x");
    IdIndex index = new IdIndex(100);
    if (indexFrom >= 0) {
      for (long s = indexFrom; s < 10; s++) {
        String source = s == 7 ? "/b" : "/a";
        String id = s == 3 || s == 7 ? "x" : s == 5 ? "y" : "id-" + s;
        index.put(source, id, s);
      }
    }
    Long after =
        new ResumeResolver(index, started(new LogResumeLog(log)))
            .after(point(form))
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    assertEquals(expected.equals("-") ? null : Long.valueOf(expected), after);
  }

  private static LogResumeLog started(LogResumeLog resumeLog) {
    resumeLog.start();
    return resumeLog;
  }
}
