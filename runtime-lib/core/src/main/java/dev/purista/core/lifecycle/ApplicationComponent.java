package dev.purista.core.lifecycle;

import java.time.Duration;

/**
 * A part of an application with a lifecycle of its own, such as an HTTP server, added with
 * {@link Application.Builder#component(ApplicationComponent)}. The application drives it in step with the
 * services:
 *
 * <ol>
 *   <li>{@link #start(Application)} after the bridge and every service started, so that the first outside
 *       request finds its handlers;
 *   <li>{@link #stopAccepting()} in the first shutdown phase, when no part of the application takes new work
 *       from outside any more;
 *   <li>{@link #awaitDrained(Duration)} beside the services' drain, within the same grace period;
 *   <li>{@link #close()} after the drain and before the bridge closes.
 * </ol>
 */
public interface ApplicationComponent extends AutoCloseable {

  /** A short name for logs and the health report, such as {@code http}. */
  String name();

  /** Starts taking outside work; the application's services are running. */
  void start(Application application);

  /** Takes no new outside work from now on; work already accepted goes on. */
  void stopAccepting();

  /** Waits for accepted work to finish; {@code true} when it did within {@code timeout}. */
  boolean awaitDrained(Duration timeout);

  /**
   * Releases what the component holds, such as a listening socket. Also called, like {@link #stopAccepting()}
   * and {@link #awaitDrained(Duration)}, on a component that never started because an earlier part failed to.
   */
  @Override
  void close();

  /** This component's part of the application's health. */
  default ComponentHealth health() {
    return new ComponentHealth(name(), true, true);
  }
}
