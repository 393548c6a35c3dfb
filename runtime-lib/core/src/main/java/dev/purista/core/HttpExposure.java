package dev.purista.core;

/**
 * How a command is exposed over HTTP: method, path relative to {@code /api/v<version>/} (with path variables
 * such as {@code users/{id}}), and who may call it. Only metadata here; the purista-http module serves it.
 */
public record HttpExposure(HttpMethod method, String path, HttpAccess access) {
  public HttpExposure {
    if (method == null || path == null || access == null) {
      throw new NullPointerException("method == null || path == null || access == null");
    }
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
  }

  /** Protected: any authenticated caller. */
  public HttpExposure(HttpMethod method, String path) {
    this(method, path, HttpAccess.AUTHENTICATED);
  }
}
