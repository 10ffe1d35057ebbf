package org.ushs.common.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass over JSON bytes: decodes values, refuses duplicate keys at any depth (naming
 * the path), and records where each top-level attribute of an event starts and ends. Not
 * thread-safe; one per input.
 */
final class JsonScanner implements AutoCloseable {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final byte[] source;
  private final JsonParser parser;

  JsonScanner(byte[] source) {
    int invalid = Utf8.firstInvalid(source);
    if (invalid >= 0) {
      throw new BadJson("body", "invalid UTF-8 at byte " + invalid);
    }
    this.source = source;
    try {
      this.parser = FACTORY.createParser(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next token; a syntax error is a {@link BadJson} on {@code body}. */
  JsonToken next() {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw new BadJson("body", "not valid JSON: " + e.getOriginalMessage() + " at " + where());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses anything after the top-level value. */
  void end() {
    if (next() != null) {
      throw new BadJson("body", "not valid JSON: more than one value, at " + where());
    }
  }

  /** The start offset of the current token. */
  int tokenStart() {
    return (int) parser.currentTokenLocation().getByteOffset();
  }

  /** The end offset of the value just read: the next token's start, less separators. */
  int valueEnd(int from) {
    int end = tokenStart();
    while (end > from && isSeparator(source[end - 1])) {
      end--;
    }
    return end;
  }

  /** The end of {@code bytes} less trailing whitespace, not before {@code from}. */
  static int trimEnd(byte[] bytes, int from) {
    int end = bytes.length;
    while (end > from && isSeparator(bytes[end - 1])) {
      end--;
    }
    return end;
  }

  /** The current value (its first token read), decoded; {@code path} names it in problems. */
  Object value(String path) {
    JsonToken token = parser.currentToken();
    try {
      return switch (token) {
        case START_OBJECT -> object(path);
        case START_ARRAY -> array(path);
        case VALUE_STRING -> parser.getText();
        case VALUE_NUMBER_INT -> parser.getNumberValue();
        case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
        case VALUE_TRUE -> true;
        case VALUE_FALSE -> false;
        case VALUE_NULL -> null;
        default -> throw new BadJson("body", "not valid JSON: unexpected " + token);
      };
    } catch (JsonProcessingException e) {
      throw new BadJson(path, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An event object (its '{' read): the view, and each attribute's bytes as sent. */
  RawEvent event(String path) {
    JsonObject view = new JsonObject();
    List<RawMember> members = new ArrayList<>();
    JsonToken token = next();
    while (token == JsonToken.FIELD_NAME) {
      String name = name(view, path);
      next();
      int start = tokenStart();
      view.put(name, value(join(path, name)));
      token = next();
      members.add(new RawMember(name, source, start, valueEnd(start)));
    }
    return new RawEvent(view, members);
  }

  private JsonObject object(String path) {
    JsonObject object = new JsonObject();
    while (next() == JsonToken.FIELD_NAME) {
      String name = name(object, path);
      next();
      object.put(name, value(join(path, name)));
    }
    return object;
  }

  private JsonArray array(String path) {
    JsonArray array = new JsonArray();
    while (next() != JsonToken.END_ARRAY) {
      array.add(value(path + "[" + array.size() + "]"));
    }
    return array;
  }

  private String name(JsonObject object, String path) {
    try {
      String name = parser.currentName();
      if (object.containsKey(name)) {
        throw new BadJson(join(path, name), "duplicate key");
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private String where() {
    return "byte " + parser.currentLocation().getByteOffset();
  }

  private static boolean isSeparator(byte b) {
    return b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
