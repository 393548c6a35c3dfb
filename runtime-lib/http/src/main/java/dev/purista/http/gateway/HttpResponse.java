package dev.purista.http.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response, as plain values: what the gateway answers, for a server adapter or an API Gateway event
 * to write out.
 *
 * @param status the status code
 * @param headers header names and values, in the order they were set
 * @param body the body; empty for none
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public HttpResponse {
    Objects.requireNonNull(headers, "headers == null");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body;
  }

  public static HttpResponse json(int status, byte[] body) {
    return new HttpResponse(status, Map.of("Content-Type", JSON), body);
  }

  public static HttpResponse noContent() {
    return new HttpResponse(204, Map.of(), null);
  }

  /** The same response with header {@code name} set to {@code value}. */
  public HttpResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpResponse(status, more, body);
  }

  /** The same status and headers without the body, as a HEAD request is answered. */
  public HttpResponse withoutBody() {
    return new HttpResponse(status, headers, null);
  }

  /** The body as UTF-8 text, for tests and logs. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return status + " " + headers + " (" + body.length + " bytes)";
  }
}
