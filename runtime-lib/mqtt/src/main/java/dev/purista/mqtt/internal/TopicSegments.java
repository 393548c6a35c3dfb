package dev.purista.mqtt.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one envelope value (a service name, an event name, an instance id) into one MQTT topic segment, the way
 * PURISTA's {@code convertToSnakeCase} does, so that a Java and a TypeScript service on one broker compute the
 * same topics and filters.
 *
 * <p>PURISTA's conversion keeps only the word-like runs of a value, lower-cased and joined with {@code _}; a value
 * with no such run is kept as it is. Such a value could contain {@code /}, {@code +} or {@code #} or be empty, which
 * would change the shape of a topic, so those characters are replaced here. The conversion is lossy
 * ({@code userSignedUp} and {@code user-signed-up} give the same segment), which is why every consumer checks the
 * decoded envelope after the broker has routed it.
 */
final class TopicSegments {
  /** PURISTA's word pattern, with the same alternatives in the same order. */
  private static final Pattern WORDS =
      Pattern.compile("[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+");

  /**
   * Names repeat (a handful of services, events and instance ids), and the regex is the costliest step of
   * building a topic, so results are cached. Principal and tenant ids may be many, hence the bound: the cache is
   * dropped when it grows past it, which costs a few regex runs and keeps memory flat.
   */
  private static final int CACHE_LIMIT = 4096;

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The topic segment of {@code value}. */
  String of(String value) {
    String segment = cache.get(value);
    if (segment != null) {
      return segment;
    }
    segment = convert(value);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(value, segment);
    return segment;
  }

  static String convert(String value) {
    Matcher words = WORDS.matcher(value);
    StringBuilder out = new StringBuilder(value.length() + 8);
    while (words.find()) {
      if (out.length() > 0) {
        out.append('_');
      }
      out.append(value, words.start(), words.end());
    }
    if (out.length() == 0) {
      return safe(value);
    }
    return lowerAscii(out);
  }

  private static String lowerAscii(StringBuilder word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        word.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return word.toString();
  }

  /** A value without words, kept as PURISTA keeps it, minus what would break the topic's shape. */
  private static String safe(String value) {
    if (value.isEmpty()) {
      return "_";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c == '/' || c == '+' || c == '#' || c == '\u0000' ? '_' : c);
    }
    return out.toString();
  }
}
