package dev.purista.core;

import java.time.Duration;

/**
 * A running instance of a {@link ServiceDefinition} on one event bridge. Several instances of one definition,
 * in one process or many, share the command load.
 */
public interface Service extends AutoCloseable {

  ServiceInfo info();

  /** What this instance runs, for adapters that expose its commands, such as an HTTP server. */
  ServiceDefinition definition();

  /** Registers every command and subscription at the bridge. The bridge must be started. */
  void start();

  /**
   * Stops taking new work at once, waits up to {@code grace} for handlers in flight, then releases the executor.
   * Returns {@code true} when everything in flight finished in time.
   */
  boolean stop(Duration grace);

  /** Stops with a grace period of 10 seconds. */
  @Override
  default void close() {
    stop(Duration.ofSeconds(10));
  }

  /** Started and not stopping. */
  boolean isReady();

  /** Handlers running or queued right now. */
  int inFlight();
}
