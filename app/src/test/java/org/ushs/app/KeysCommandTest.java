package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.auth.ApiKeyAuthenticator;
import org.ushs.common.auth.ApiKeysFile;
import org.ushs.common.auth.Credentials;
import org.ushs.common.auth.Principal;
import org.ushs.common.event.Category;

/** {@code ushs keys add}: the key is printed once, only its hash is stored, and it works. */
@Tag("unit")
class KeysCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        KeysCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void addedKeysAreStoredAsHashesAndAuthenticate() throws Exception {
    Path file = dir.resolve("keys.json");
    Run ops =
        run(
            "keys",
            "add",
            "--id",
            "ops",
            "--file",
            file.toString(),
            "--event-types",
            "error,session");
    Run pub = run("keys", "add", "--id", "pub", "--file", file.toString(), "--publish");
    assertEquals(0, ops.code(), ops.err());
    assertEquals(0, pub.code(), pub.err());
    String key = ops.out().strip();
    assertTrue(key.startsWith(ApiKeysFile.KEY_PREFIX), key);
    String stored = Files.readString(file);
    assertFalse(stored.contains(key), "the key itself is never stored");
    assertTrue(stored.contains(ApiKeysFile.hash(key)));
    ApiKeyAuthenticator keys = new ApiKeyAuthenticator(ApiKeysFile.parse(stored));
    Principal principal = await(keys.authenticate(new Credentials.ApiKey(key)));
    assertEquals("apikey:ops", principal.id());
    assertEquals(Set.of(Category.ERROR, Category.SESSION), principal.permissions().eventTypes());
    assertFalse(principal.permissions().publish());
    Principal publisher = await(keys.authenticate(new Credentials.ApiKey(pub.out().strip())));
    assertTrue(publisher.permissions().publish());
    Run again = run("keys", "add", "--id", "ops", "--file", file.toString());
    assertEquals(2, again.code());
    assertEquals(stored, Files.readString(file), "a refused add changes nothing");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          keys add --file k.json                       | --id and --file are required
          keys add --id ops                            | --id and --file are required
          keys add --id ops --file k.json --colour red | unknown option --colour
          keys add --id ops --file                     | --file needs a value
          keys remove --id ops                         | unknown command keys remove --id ops
          serve                                        | unknown command serve
          """)
  void badArgumentsAreRefusedWithUsage(String args, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeysCommand.parse(args.split(" ", -1)));
    assertEquals(why, e.getMessage());
  }

  @Test
  void unknownEventTypesAreRefusedBeforeTheFileIsTouched() {
    Path file = dir.resolve("keys.json");
    Run run = run("keys", "add", "--id", "x", "--file", file.toString(), "--event-types", "gossip");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("unknown event type gossip"), run.err());
    assertFalse(Files.exists(file));
    assertEquals("", run.out(), "no key is printed for nothing");
  }

  @Test
  void listsAndFlagsAreParsed() {
    KeysCommand.Args args =
        KeysCommand.parse(
            new String[] {
              "keys", "add", "--publish", "--id", "a", "--services", " x , ,y", "--file", "f"
            });
    assertEquals(new KeysCommand.Args("a", Path.of("f"), null, List.of("x", "y"), true), args);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }
}
