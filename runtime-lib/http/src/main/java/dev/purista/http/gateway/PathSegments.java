package dev.purista.http.gateway;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw request path into percent-decoded segments, and refuses what could climb out of a route or
 * confuse a handler: an encoded slash or backslash inside a segment, {@code .} and {@code ..}, control
 * characters, malformed escapes and invalid UTF-8. A path is never normalised, so {@code /a/../b} is an error and
 * not {@code /b}.
 */
final class PathSegments {
  private PathSegments() {
  }

  /** @throws IllegalArgumentException naming what is wrong with the path */
  static List<String> split(String rawPath) {
    if (!rawPath.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with /");
    }
    List<String> segments = new ArrayList<>();
    int start = 1;
    while (start <= rawPath.length()) {
      int slash = rawPath.indexOf('/', start);
      int end = slash < 0 ? rawPath.length() : slash;
      String segment = decode(rawPath.substring(start, end));
      if (segment.isEmpty() && slash >= 0) {
        throw new IllegalArgumentException("the path has an empty segment");
      }
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
      start = end + 1;
    }
    return segments;
  }

  private static String decode(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) > 0x7f) {
        // A URI is ASCII; which charset a raw byte above it was meant in is a guess, so it is not made.
        throw new IllegalArgumentException("the path has a character that is not percent-encoded");
      }
    }
    String text = raw.indexOf('%') < 0 ? raw : percentDecode(raw);
    if (text.equals(".") || text.equals("..")) {
      throw new IllegalArgumentException("the path may not contain . or .. segments");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("a path segment may not contain a slash, a backslash or a control "
            + "character");
      }
    }
    return text;
  }

  private static String percentDecode(String raw) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("the path has a malformed percent escape");
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("the path has a malformed percent escape");
        }
        bytes.put((byte) (high * 16 + low));
        i += 2;
      } else if (c > 0x7f) {
        throw new IllegalArgumentException("the path has a character that is not percent-encoded");
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the path is not valid UTF-8", e);
    }
  }
}
