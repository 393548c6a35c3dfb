package dev.purista.http.jdk;

import java.util.List;
import java.util.Map;

/**
 * The checks of a request head that Undertow's parser makes and the JDK's server leaves to its handler: the
 * method and header names are tokens, the version is HTTP/1.0 or 1.1, there is one valid Host (HTTP/1.1) and at
 * most one valid Content-Length; and the sizes and framing the gateway's limits need.
 */
final class RequestHead {
  /** RFC 9110 §5.6.2: the characters of a token besides letters and digits. */
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  /** More digits than this make a length no long can hold, and far more than any limit. */
  private static final int MAX_LENGTH_DIGITS = 18;

  private final String method;
  private final String protocol;
  private final Map<String, List<String>> headers;

  RequestHead(String method, String protocol, Map<String, List<String>> headers) {
    this.method = method;
    this.protocol = protocol;
    this.headers = headers;
  }

  /** What is wrong with the head, or {@code null} when it is well formed. */
  String malformed() {
    if (!isToken(method)) {
      return "The method is not a token";
    }
    if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
      return "Only HTTP/1.0 and HTTP/1.1 are served";
    }
    for (String name : headers.keySet()) {
      if (!isToken(name)) {
        return "A header name is not a token";
      }
    }
    List<String> hosts = values("Host");
    if (protocol.equals("HTTP/1.1") && hosts.size() != 1 || hosts.size() > 1 || !hosts.isEmpty()
        && !isHost(hosts.get(0))) {
      return "An HTTP/1.1 request needs exactly one valid Host";
    }
    List<String> lengths = values("Content-Length");
    if (lengths.size() > 1 || !lengths.isEmpty() && !isLength(lengths.get(0))) {
      return "Content-Length is not a valid length";
    }
    return null;
  }

  int fieldCount() {
    int count = 0;
    for (List<String> values : headers.values()) {
      count += values.size();
    }
    return count;
  }

  long headerBytes() {
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    return bytes;
  }

  /** A transfer coding whose last one is not chunked leaves the body's end to the closing of the connection. */
  boolean hasUnframedBody() {
    List<String> codings = values("Transfer-Encoding");
    if (codings.isEmpty()) {
      return false;
    }
    String last = codings.get(codings.size() - 1);
    return !last.substring(last.lastIndexOf(',') + 1).trim().equalsIgnoreCase("chunked");
  }

  /** The declared body length; -1 when none is declared (no body, or a chunked one). */
  long declaredLength() {
    List<String> lengths = values("Content-Length");
    return lengths.isEmpty() || !values("Transfer-Encoding").isEmpty() ? -1 : Long.parseLong(lengths.get(0).trim());
  }

  private List<String> values(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return List.of();
  }

  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLength(String text) {
    String digits = text.trim();
    return !digits.isEmpty() && digits.length() <= MAX_LENGTH_DIGITS && digits.chars().allMatch(Character::isDigit)
        && digits.chars().allMatch(c -> c < 128);
  }

  /** A host name or address, with an optional port of at most 65535. */
  private static boolean isHost(String text) {
    String host = text.trim();
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && host.indexOf(']') < colon) {
      String port = host.substring(colon + 1);
      if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(port) > 65535) {
        return false;
      }
      host = host.substring(0, colon);
    }
    return !host.isEmpty() && host.chars().noneMatch(c -> c <= ' ' || c >= 127 || "\"<>\\^`{|}/?#@".indexOf(c) >= 0);
  }
}
