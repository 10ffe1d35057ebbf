package org.ushs.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The message schemas of docs/asyncapi.yaml, as validators of real server messages. */
final class ProtocolSchemas {

  private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

  private final JsonObject schemas;

  ProtocolSchemas() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> document =
        new ObjectMapper(new YAMLFactory()).readValue(DOCUMENT.toFile(), Map.class);
    JsonObject components = new JsonObject(document).getJsonObject("components");
    this.schemas = components.getJsonObject("schemas");
  }

  /** Validates {@code message} against {@code components.schemas.<name>}. */
  OutputUnit validate(String name, JsonObject message) {
    if (!schemas.containsKey(name)) {
      throw new AssertionError("no schema " + name + " in " + DOCUMENT);
    }
    JsonObject root =
        new JsonObject()
            .put("$ref", "#/components/schemas/" + name)
            .put("components", new JsonObject().put("schemas", schemas));
    Validator validator =
        Validator.create(
            JsonSchema.of(root),
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("https://ushs.example/asyncapi"));
    return validator.validate(message);
  }
}
