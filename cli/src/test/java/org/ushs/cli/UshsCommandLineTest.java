package org.ushs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes and messages of the command line that need no server. */
class UshsCommandLineTest {

  @ParameterizedTest(name = "ushs {0} -> exit {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--help | 0 | Exit codes",
        "'' | 1 | a command is required",
        "tail --bogus | 1 | Unknown option",
        "token --secret short | 1 | at least 32 bytes",
        "token --secret 0123456789abcdef0123456789abcdef --ttl 1y | 1 | bad duration",
        "publish --type org.ushs.error.detected --data nope --url http://127.0.0.1:1 | 1 | --data: not a JSON object",
        "publish --type x --stdin | 1 | mutually exclusive",
        "publish --type org.ushs.error.detected --url http://127.0.0.1:1 | 3 | cannot publish",
        "tail --url ws://127.0.0.1:1 --max-attempts 1 | 3 | gave up after 1 attempts",
        "tail --url ftp://x | 1 | scheme",
        "tail --since-position nope | 1 | --since-position: a position is <epoch>:<sequence>"
      })
  void exitCodes(String args, int code, String message) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = args.isBlank() ? new String[0] : args.trim().split(" ", -1);
    int exit = Ushs.run(argv, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(code, exit, err.toString());
    assertTrue((out + " " + err).contains(message), out + " " + err);
  }

  @Test
  void eachReconnectLinePairsTheUrlWithItsOwnError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = {"tail", "--url", "ws://127.0.0.1:1,ws://127.0.0.1:2", "--max-attempts", "2"};
    assertEquals(3, Ushs.run(argv, new PrintWriter(out, true), new PrintWriter(err, true)));
    List<String> lines = err.toString().lines().toList();
    String first = lines.get(0);
    assertTrue(first.startsWith("ushs: ws://127.0.0.1:1: "), first);
    assertTrue(first.contains("refused"), first);
    assertTrue(first.contains("; reconnecting to ws://127.0.0.1:2 in "), first);
    assertFalse(err.toString().contains("()"), err.toString());
    assertTrue(lines.get(1).startsWith("ushs: stopped: gave up after 2 attempts: "), lines.get(1));
  }
}
