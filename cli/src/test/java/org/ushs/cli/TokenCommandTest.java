package org.ushs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ushs token --secret-file}: the secret a dev-mode node wrote, read from its file. */
class TokenCommandTest {

  private static final String SECRET = "dev-secret-0123456789-0123456789-abcdef";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Ushs.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void signsWithTheSecretReadFromTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("secret"), SECRET + "\n");
    assertEquals(0, run("token", "--secret-file", file.toString(), "--sub", "dev"), err.toString());
    String[] parts = out.toString().trim().split("\\.", -1);
    assertEquals(3, parts.length, out.toString());
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
    assertEquals(DevToken.sign(parts[0] + "." + parts[1], key), parts[2]);
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertEquals(1, run("token", "--secret-file", dir.resolve("absent").toString()));
    assertTrue(err.toString().contains("--secret-file: cannot read"), err.toString());
  }

  @Test
  void theFileAndAnExplicitSecretExcludeEachOther() throws Exception {
    Path file = Files.writeString(dir.resolve("secret"), SECRET);
    assertEquals(1, run("token", "--secret", SECRET, "--secret-file", file.toString()));
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }
}
