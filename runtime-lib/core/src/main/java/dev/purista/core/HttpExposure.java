package dev.purista.core;

/**
 * How a command is exposed over HTTP: method and path relative to {@code /api/v<version>/}. Only metadata here;
 * the purista-http module serves it.
 */
public record HttpExposure(HttpMethod method, String path) {
  public HttpExposure {
    if (method == null || path == null) {
      throw new NullPointerException("method == null || path == null");
    }
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
  }
}
