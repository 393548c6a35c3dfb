package dev.purista.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the CLI's own small JSON files ({@code purista.json}, the template manifest) strictly, on Jackson's
 * streaming parser: a field nobody reads, a duplicate field, a value of the wrong type or anything after the
 * root value is an error that names its line and column, never something silently dropped.
 *
 * <p>Why the streaming parser and not an {@code ObjectMapper}: data binding has to build its type model of every
 * record by reflection in each CLI process, which cost more than everything else {@code purista add command}
 * does (see {@code docs/benchmarks/cli.md}). The files are small and their shape is fixed, so reading them field
 * by field is short and keeps the CLI quick to start.
 *
 * <p>Positioning: every value method expects the parser on the value's first token and leaves it on the
 * value's last one, so that readers of nested values compose:
 *
 * <pre>{@code
 * in.startObject("project");
 * while (in.nextField()) {
 *   switch (in.fieldName()) {
 *     case "name" -> name = in.string();
 *     default -> throw in.unknownField("project");
 *   }
 * }
 * }</pre>
 */
public final class StrictJsonReader implements Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final JsonParser parser;

  private StrictJsonReader(JsonParser parser) {
    this.parser = parser;
  }

  public static StrictJsonReader of(String json) throws IOException {
    return new StrictJsonReader(FACTORY.createParser(json));
  }

  public static StrictJsonReader of(InputStream json) throws IOException {
    return new StrictJsonReader(FACTORY.createParser(json));
  }

  /** Reads one element of a list or a value of a field. */
  @FunctionalInterface
  public interface ValueReader<T> {
    T read(StrictJsonReader in) throws IOException;
  }

  /**
   * Moves to the root value.
   *
   * @return false when there is none: empty input or a root {@code null}
   */
  public boolean startRoot() throws IOException {
    JsonToken token = parser.nextToken();
    return token != null && token != JsonToken.VALUE_NULL;
  }

  /** Fails when anything follows the root value, such as a second object pasted below the first. */
  public void requireEnd() throws IOException {
    if (parser.nextToken() != null) {
      throw error("unexpected content after the end of the JSON value");
    }
  }

  /**
   * Expects an object (or {@code null}) here.
   *
   * @param what what the object is, for the error message
   * @return false for {@code null}; then there are no fields to read
   */
  public boolean startObject(String what) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(what + " must be an object");
    }
    return true;
  }

  /** Expects an object here; {@code null} is an error too. */
  public void requireObject(String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error(what + " must be an object");
    }
  }

  /** Moves to the next field's value; false at the end of the object. */
  public boolean nextField() throws IOException {
    if (parser.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    parser.nextToken();
    return true;
  }

  /** The name of the field whose value the reader is on. */
  public String fieldName() throws IOException {
    return parser.currentName();
  }

  /** The error for a field the reader does not know; throw it. */
  public JsonParseException unknownField(String where) throws IOException {
    return error("unknown field '" + fieldName() + "' in " + where);
  }

  /** A string or {@code null}. */
  public String string() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw error(describeCurrent() + " must be a string");
    }
    return parser.getText();
  }

  /** A whole number that fits an {@code int}; {@code null} is an error. */
  public int integer() throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw error(describeCurrent() + " must be a whole number");
    }
    return parser.getIntValue();
  }

  /** {@code true} or {@code false}; {@code null} is an error. */
  public boolean bool() throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw error(describeCurrent() + " must be true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  /** An array whose elements {@code element} reads, or {@code null}. */
  public <T> List<T> list(ValueReader<T> element) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw error(describeCurrent() + " must be an array");
    }
    List<T> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(element.read(this));
    }
    return values;
  }

  /** An object of string values, sorted by key, or {@code null}. */
  public SortedMap<String, String> stringMap() throws IOException {
    if (!startObject(describeCurrent())) {
      return null;
    }
    SortedMap<String, String> values = new TreeMap<>();
    while (nextField()) {
      values.put(fieldName(), string());
    }
    return values;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private String describeCurrent() throws IOException {
    String name = parser.currentName();
    return name == null ? "the value" : "the field '" + name + "'";
  }

  private JsonParseException error(String message) {
    return new JsonParseException(parser, message);
  }
}
