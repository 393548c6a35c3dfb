package dev.purista.nats;

import java.nio.charset.StandardCharsets;

/**
 * Turns any store key into a NATS key-value key. NATS takes only {@code [-/_=.a-zA-Z0-9]} and gives {@code .} and
 * {@code /} a meaning (hierarchy, wildcards), so every byte outside {@code [-_a-zA-Z0-9]} is written as {@code =}
 * and two hex digits of its UTF-8 encoding: {@code user:42} becomes {@code user=3A42}. The mapping is one to one,
 * so two keys never share a value, and plain keys stay readable in {@code nats kv ls}.
 */
final class KvKeys {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private KvKeys() {
  }

  static String encode(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a store key must not be empty");
    }
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
        out.append((char) c);
      } else {
        out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
