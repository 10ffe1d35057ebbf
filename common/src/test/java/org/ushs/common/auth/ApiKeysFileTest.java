package org.ushs.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ushs.common.event.Category;

/** {@link ApiKeysFile} and {@link ApiKeyAuthenticator}: hashes only, checked keys. */
class ApiKeysFileTest {

  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hashIsSha256Hex() {
    assertEquals(ABC_SHA256, ApiKeysFile.hash("abc"));
  }

  @Test
  void entriesAreRead() {
    List<ApiKeyEntry> entries =
        ApiKeysFile.parse(
            ("{'keys':[{'id':'ops','sha256':'"
                    + ABC_SHA256.toUpperCase(java.util.Locale.ROOT)
                    + "','eventTypes':['error'],'services':['api'],'publish':true},"
                    + "{'id':'ro','sha256':'"
                    + ABC_SHA256.replace('b', 'c')
                    + "'}]}")
                .replace('\'', '"'));
    assertEquals(2, entries.size());
    assertEquals(
        new ApiKeyEntry(
            "ops", ABC_SHA256, new Permissions(EnumSet.of(Category.ERROR), Set.of("api"), true)),
        entries.get(0));
    assertEquals(new Permissions(null, null, false), entries.get(1).permissions());
  }

  /** Columns: the file (single quotes for double), and the refusal. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'keys':[{'id':'ops','sha256':'ushs_s3cr3t-key-in-clear'}]}  | keys[0]: key ops: sha256 must be 64 hex digits, the SHA-256 of the key (never the key)
          {'keys':[{'id':'ops','key':'ushs_s3cr3t'}]}                 | keys[0]: key ops: sha256 must be 64 hex digits, the SHA-256 of the key (never the key)
          {'keys':[{'id':'ops','sha256':'ba7816bf'}]}                 | keys[0]: key ops: sha256 must be 64 hex digits, the SHA-256 of the key (never the key)
          {'keys':[{'id':'ops','sha256':7}]}                          | keys[0]: key ops: sha256 must be 64 hex digits, the SHA-256 of the key (never the key)
          {'keys':[{'sha256':'HASH'}]}                                | keys[0]: id required (a non-empty string)
          {'keys':[{'id':'a','sha256':'HASH'},{'id':'a','sha256':'HASH'}]} | keys[1]: duplicate id a
          {'keys':[{'id':'a','sha256':'HASH','eventTypes':['gossip']}]} | keys[0]: unknown event type gossip
          {'keys':[{'id':'a','sha256':'HASH','publish':'yes'}]}       | keys[0]: publish must be a boolean
          {'keys':['ushs_key']}                                       | keys[0] is not an object
          {'key':[]}                                                  | needs a "keys" array
          ushs_abcdef                                                 | not a JSON object
          """)
  void badFilesAreRefused(String file, String why) {
    String content = file.replace('\'', '"').replace("HASH", ABC_SHA256);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ApiKeysFile.parse(content));
    assertEquals(why, e.getMessage());
    assertTrue(!e.getMessage().contains("s3cr3t"), "the refusal never repeats the value");
  }

  @Test
  void addingKeepsOthersAndRefusesATakenId() {
    String first =
        ApiKeysFile.add(null, new ApiKeyEntry("a", ABC_SHA256, Permissions.fromJson(null)));
    String both =
        ApiKeysFile.add(
            first,
            new ApiKeyEntry(
                "b", ApiKeysFile.hash("k"), new Permissions(null, Set.of("api"), true)));
    List<ApiKeyEntry> entries = ApiKeysFile.parse(both);
    assertEquals(List.of("a", "b"), entries.stream().map(ApiKeyEntry::id).toList());
    assertEquals(Set.of("api"), entries.get(1).permissions().services());
    assertThrows(
        IllegalArgumentException.class,
        () -> ApiKeysFile.add(both, new ApiKeyEntry("a", ABC_SHA256, Permissions.fromJson(null))));
  }

  @Test
  void generatedKeysAreRandomAndPrefixed() {
    String one = ApiKeysFile.generateKey();
    assertTrue(one.startsWith(ApiKeysFile.KEY_PREFIX) && one.length() > 40, one.length() + "");
    assertNotEquals(one, ApiKeysFile.generateKey());
  }

  @Test
  void theAuthenticatorKnowsKeysByTheirHashOnly() throws Exception {
    String key = ApiKeysFile.generateKey();
    ApiKeyAuthenticator keys =
        new ApiKeyAuthenticator(
            List.of(
                new ApiKeyEntry("other", ABC_SHA256, Permissions.fromJson(null)),
                new ApiKeyEntry("ops", ApiKeysFile.hash(key), new Permissions(null, null, true))));
    Principal principal = await(keys.authenticate(new Credentials.ApiKey(key)));
    assertEquals("apikey:ops", principal.id());
    assertEquals(null, principal.expiresAt());
    for (String wrong : List.of(key + "x", key.substring(1), ABC_SHA256, "", "abd")) {
      Future<Principal> refused = keys.authenticate(new Credentials.ApiKey(wrong));
      assertEquals("invalid API key", refused.cause().getMessage(), wrong);
    }
    assertEquals("apikey:other", await(keys.authenticate(new Credentials.ApiKey("abc"))).id());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
