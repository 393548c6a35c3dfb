package dev.purista.mqtt;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations as written in environment variables: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 30d}, or ISO-8601 ({@code PT30S}). A bare number is refused, because whether {@code 3600} means seconds
 * or milliseconds is exactly the mistake this should catch.
 */
final class Durations {
  private Durations() {
  }

  static Duration parse(String name, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
      }
      if (!value.isEmpty()) {
        long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
        switch (value.charAt(value.length() - 1)) {
          case 's':
            return Duration.ofSeconds(amount);
          case 'm':
            return Duration.ofMinutes(amount);
          case 'h':
            return Duration.ofHours(amount);
          case 'd':
            return Duration.ofDays(amount);
          default:
            break;
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(name, text);
    }
    throw invalid(name, text);
  }

  private static IllegalArgumentException invalid(String name, String text) {
    return new IllegalArgumentException(name + "='" + text + "' is not a duration; write it with a unit, such as "
        + "500ms, 30s, 5m, 2h, 30d or PT30S");
  }
}
