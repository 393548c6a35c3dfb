package dev.purista.http.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which browser origins may call the API from scripts. Off unless configured: without it a browser keeps pages
 * of other origins from reading the answers, which is the safe default for an API that takes bearer tokens.
 *
 * @param allowedOrigins origins such as {@code https://app.example.com}; {@code *} allows any origin
 * @param maxAge how long a browser may cache a preflight answer
 */
public record CorsPolicy(List<String> allowedOrigins, Duration maxAge) {
  public static final CorsPolicy DISABLED = new CorsPolicy(List.of(), Duration.ZERO);

  public CorsPolicy {
    allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins == null"));
    Objects.requireNonNull(maxAge, "maxAge == null");
  }

  public static CorsPolicy allowing(String... origins) {
    return new CorsPolicy(List.of(origins), Duration.ofMinutes(10));
  }

  public boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  boolean allows(String origin) {
    return origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(origin));
  }

  /** {@code response} with the headers that let {@code origin} read it, when the origin is allowed. */
  HttpResponse decorate(HttpRequest request, HttpResponse response) {
    if (!enabled()) {
      return response;
    }
    String origin = request.header("Origin").orElse(null);
    if (!allows(origin)) {
      return response;
    }
    return response.withHeader("Access-Control-Allow-Origin", allowedOrigins.contains("*") ? "*" : origin)
        .withHeader("Vary", "Origin")
        .withHeader("Access-Control-Expose-Headers", TraceIds.TRACE_HEADER);
  }

  /** The answer to a preflight request for a path with {@code methods}. */
  HttpResponse preflight(HttpRequest request, Set<String> methods) {
    HttpResponse answer = HttpResponse.noContent()
        .withHeader("Access-Control-Allow-Methods", String.join(", ", methods))
        .withHeader("Access-Control-Allow-Headers",
            request.header("Access-Control-Request-Headers").orElse("Content-Type, Authorization"))
        .withHeader("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
    return decorate(request, answer);
  }
}
