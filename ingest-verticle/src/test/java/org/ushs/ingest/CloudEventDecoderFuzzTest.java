package org.ushs.ingest;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzz of {@link CloudEventDecoder#decode}, HTTP and bus: any body up to the body limit (1 MiB)
 * with any content type gives events or {@link InvalidEvents}, never another exception. Bounded in
 * time by the number of tries.
 */
class CloudEventDecoderFuzzTest {

  private static final int MAX_BODY = 1 << 20;

  @Property(tries = 500)
  void anyBodyWithAnyContentTypeDecodesOrIsInvalid(
      @ForAll("contentTypes") String contentType, @ForAll @StringLength(max = 4096) String body) {
    decodeHttp(contentType, body);
  }

  @Property(tries = 500)
  void jsonShapedBodiesDecodeOrAreInvalid(
      @ForAll("contentTypes") String contentType, @ForAll("bodies") String body) {
    decodeHttp(contentType, body);
  }

  @Property(tries = 500)
  void anyBusBodyDecodesOrIsInvalid(@ForAll("busBodies") Object body) {
    try {
      CloudEventDecoder.decode(body);
    } catch (InvalidEvents expected) {
      // the declared refusal
    }
  }

  @Example
  void deepNestingAtTheBodyLimitIsInvalid() {
    decodeHttp("application/cloudevents+json", "[".repeat(MAX_BODY));
    decodeHttp("application/cloudevents-batch+json", "[".repeat(MAX_BODY));
    decodeHttp("application/json", "{\"a\":".repeat(MAX_BODY / 5));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "application/cloudevents+json",
            "application/cloudevents+json; charset=utf-8",
            "application/cloudevents-batch+json",
            "application/json",
            "APPLICATION/CLOUDEVENTS+JSON",
            "text/plain",
            ";",
            ""),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30).map(io.vertx.core.json.Json::encode),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.of("null", "true", "{}", "[]", "\"1.0\"", "\"org.ushs.error.detected\""));
    Arbitrary<String> event =
        Arbitraries.maps(
                Arbitraries.of("specversion", "id", "source", "type", "data", "time", "x"), value)
            .ofMaxSize(7)
            .map(map -> new JsonObject(new java.util.HashMap<>(map)).encode());
    return Arbitraries.oneOf(
        event, event.list().ofMaxSize(20).map(list -> "[" + String.join(",", list) + "]"), value);
  }

  @Provide
  Arbitrary<Object> busBodies() {
    return Arbitraries.oneOf(
        bodies().map(text -> (Object) text),
        bodies().map(text -> (Object) Buffer.buffer(text)),
        Arbitraries.of(
            new JsonObject(), new JsonArray(), new JsonArray().add(1), 42, "x", new Object()));
  }

  private static void decodeHttp(String contentType, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", contentType);
    try {
      CloudEventDecoder.decode(headers, Buffer.buffer(body));
    } catch (InvalidEvents expected) {
      // the declared refusal
    }
  }
}
