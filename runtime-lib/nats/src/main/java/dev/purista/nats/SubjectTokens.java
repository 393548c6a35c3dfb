package dev.purista.nats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns envelope values (service names, event names, ids) into subject tokens exactly as PURISTA's TypeScript
 * bridge does, so that both subscribe to the same subjects: words are snake_cased ({@code userSignedUp} and
 * {@code user.signed-up} both become {@code user_signed_up}). The mapping loses information on purpose; the
 * bridge checks every received envelope against the subscription's filter, so two values that share a token
 * never reach the wrong handler.
 *
 * <p>A value without any letter or digit, which PURISTA would pass through unchanged, has the characters a
 * subject token cannot hold replaced by {@code _}, so that no envelope value can change a subject's shape.
 *
 * <p>Converting costs a regular expression per value and a subject has thirteen values, so results are cached;
 * the cache stops growing at {@value #CACHE_LIMIT} entries, because principal and tenant ids are unbounded.
 */
final class SubjectTokens {
  static final int CACHE_LIMIT = 4096;

  /** PURISTA's {@code convertToSnakeCase} word pattern (from 30-seconds-of-code). */
  private static final Pattern WORDS =
      Pattern.compile("[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+");
  private static final Pattern NOT_SUBJECT_SAFE = Pattern.compile("[.*>\\s]");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The subject token of {@code value}. */
  String token(String value) {
    String token = cache.get(value);
    if (token == null) {
      token = convert(value);
      if (cache.size() < CACHE_LIMIT) {
        cache.put(value, token);
      }
    }
    return token;
  }

  static String convert(String value) {
    Matcher words = WORDS.matcher(value);
    StringBuilder out = new StringBuilder(value.length() + 4);
    while (words.find()) {
      if (out.length() > 0) {
        out.append('_');
      }
      for (int i = words.start(); i < words.end(); i++) {
        out.append(Character.toLowerCase(value.charAt(i)));
      }
    }
    if (out.length() > 0) {
      return out.toString();
    }
    String safe = NOT_SUBJECT_SAFE.matcher(value).replaceAll("_");
    return safe.isEmpty() ? "_" : safe;
  }
}
