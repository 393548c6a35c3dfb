package dev.purista.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

  /** A small shape to read: {"name": "...", "size": 1, "tags": [...], "hashes": {...}}. */
  private record Shape(String name, int size, List<String> tags, Map<String, String> hashes) {
  }

  private static Shape read(String json) throws IOException {
    try (StrictJsonReader in = StrictJsonReader.of(json)) {
      if (!in.startRoot()) {
        return null;
      }
      in.requireObject("the shape");
      String name = null;
      int size = 0;
      List<String> tags = null;
      Map<String, String> hashes = null;
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "name" -> name = in.string();
          case "size" -> size = in.integer();
          case "tags" -> tags = in.list(StrictJsonReader::string);
          case "hashes" -> hashes = in.stringMap();
          default -> throw in.unknownField("the shape");
        }
      }
      in.requireEnd();
      return new Shape(name, size, tags, hashes);
    }
  }

  @Test
  void readsEveryKindOfValueInPlace() throws IOException {
    Shape shape = read("{\"name\": \"a\", \"size\": 3, \"tags\": [\"x\", \"y\"], \"hashes\": {\"b\": \"2\", \"a\": \"1\"}}");
    assertEquals(new Shape("a", 3, List.of("x", "y"), Map.of("a", "1", "b", "2")), shape);
    assertEquals(List.of("a", "b"), List.copyOf(shape.hashes().keySet()), "maps come back sorted");
  }

  @Test
  void nullsStayNullAndAnEmptyOrNullRootIsNoValue() throws IOException {
    assertEquals(new Shape(null, 0, null, null), read("{\"name\": null, \"tags\": null, \"hashes\": null}"));
    assertNull(read(""));
    assertNull(read("null"));
  }

  @Test
  void anUnknownFieldIsAnErrorWithItsPosition() {
    JsonParseException e = assertThrows(JsonParseException.class, () -> read("{\n  \"name\": \"a\",\n  \"colour\": 1}"));
    assertEquals("unknown field 'colour' in the shape", e.getOriginalMessage());
    assertEquals(3, e.getLocation().getLineNr());
  }

  @Test
  void aValueOfTheWrongTypeIsAnError() {
    assertTrue(assertThrows(JsonParseException.class, () -> read("{\"name\": 5}")).getOriginalMessage()
        .contains("'name' must be a string"));
    assertTrue(assertThrows(JsonParseException.class, () -> read("{\"size\": null}")).getOriginalMessage()
        .contains("'size' must be a whole number"));
    assertTrue(assertThrows(JsonParseException.class, () -> read("{\"tags\": \"x\"}")).getOriginalMessage()
        .contains("'tags' must be an array"));
    assertTrue(assertThrows(JsonParseException.class, () -> read("[1]")).getOriginalMessage()
        .contains("the shape must be an object"));
  }

  @Test
  void aDuplicateFieldOrContentAfterTheRootIsAnError() {
    assertTrue(assertThrows(JsonParseException.class, () -> read("{\"name\": \"a\", \"name\": \"b\"}"))
        .getOriginalMessage().contains("name"));
    assertFalse(assertThrows(JsonParseException.class, () -> read("{} {}")).getOriginalMessage().isEmpty());
  }
}
