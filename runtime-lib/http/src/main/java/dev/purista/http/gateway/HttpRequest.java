package dev.purista.http.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request, as plain values, so that the gateway serves it the same way whichever server (or an API
 * Gateway event) it came from.
 *
 * @param method the method in upper case, such as {@code GET}
 * @param path the raw path, still percent-encoded, without the query
 * @param rawQuery the raw query string without {@code ?}; empty when there is none
 * @param headers every header, names matched without regard to case
 * @param body the whole body; empty when there is none
 */
public record HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
    byte[] body) {

  public HttpRequest {
    method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
    path = Objects.requireNonNull(path, "path == null");
    rawQuery = rawQuery == null ? "" : rawQuery;
    TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers == null").forEach((name, values) -> caseless.merge(name,
        List.copyOf(values), (a, b) -> {
          List<String> both = new java.util.ArrayList<>(a);
          both.addAll(b);
          return List.copyOf(both);
        }));
    headers = java.util.Collections.unmodifiableMap(caseless);
    body = body == null ? new byte[0] : body;
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  @Override
  public String toString() {
    return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " (" + body.length + " bytes)";
  }
}
