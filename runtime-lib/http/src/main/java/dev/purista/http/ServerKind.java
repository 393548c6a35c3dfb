package dev.purista.http;

import java.util.Locale;

/**
 * Which HTTP server an {@link HttpServer} runs on. Both serve the same gateway with the same behaviour (limits,
 * problems, HEAD and OPTIONS, graceful drain); they differ in cost.
 */
public enum ServerKind {
  /** Undertow on XNIO: non-blocking I/O threads and a worker pool; the default. */
  UNDERTOW,
  /**
   * The JDK's own server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}): no library, fewer
   * classes and threads, for a small process such as an edge device. Undertow's jars may then be left out.
   */
  JDK;

  /** {@code undertow} or {@code jdk}, in any case. */
  public static ServerKind parse(String name) {
    for (ServerKind kind : values()) {
      if (kind.name().equalsIgnoreCase(name.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown HTTP server '" + name + "': undertow or jdk");
  }

  String lowerCase() {
    return name().toLowerCase(Locale.ROOT);
  }
}
