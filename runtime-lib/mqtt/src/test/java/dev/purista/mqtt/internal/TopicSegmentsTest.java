package dev.purista.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The segments match PURISTA's convertToSnakeCase, so both compute the same topics. */
class TopicSegmentsTest {
  private final TopicSegments segments = new TopicSegments();

  @Test
  void convertsTheWayPuristaDoes() {
    // The cases of PURISTA's own convertToSnakeCase tests, and its message type names.
    assertEquals("camel_case_text", segments.of("camelCaseText"));
    assertEquals("pascal_case_text", segments.of("PascalCaseText"));
    assertEquals("kebab_case_text", segments.of("kebab-case-text"));
    assertEquals("some_mixed_string_with_spaces_underscores_and_hyphens",
        segments.of("some-mixed_string _With spaces_underscores-and-hyphens"));
    assertEquals("command_success_response", segments.of("commandSuccessResponse"));
    assertEquals("custom_message", segments.of("customMessage"));
  }

  @Test
  void keepsAcronymsDigitsAndDotsApartAsPuristaDoes() {
    assertEquals("http_server", segments.of("HTTPServer"));
    assertEquals("user_signed_up", segments.of("user.signedUp"));
    assertEquals("1", segments.of("1"));
    assertEquals("v2_beta", segments.of("v2Beta"));
  }

  @Test
  void aValueWithoutWordsCannotChangeTheShapeOfATopic() {
    assertEquals("_", segments.of(""));
    assertEquals("_", segments.of("/"));
    assertEquals("___", segments.of("+#/"));
    assertEquals("äö", segments.of("äö"));
  }

  @Test
  void cachedAndFreshResultsAreTheSame() {
    for (int i = 0; i < 5000; i++) {
      String value = "tenant" + i + "Name";
      assertEquals(TopicSegments.convert(value), segments.of(value));
      assertEquals(TopicSegments.convert(value), segments.of(value));
    }
  }
}
