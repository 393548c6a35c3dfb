package dev.purista.http.internal;

/** A running HTTP server that serves a gateway: what {@link HttpServer} needs of Undertow or the JDK's server. */
public interface Listener extends AutoCloseable {
  void start();

  /** The port the listener is bound to; the real one when 0 was asked for. */
  int port();

  /** Stops listening and closes the connections; requests still in flight are cut. */
  @Override
  void close();
}
