package dev.purista.core;

import dev.purista.core.store.Store;
import java.time.Duration;
import java.util.List;

/**
 * A running instance of a {@link ServiceDefinition} on one event bridge. Several instances of one definition,
 * in one process or many, share the command load.
 *
 * <p>Stopping has three phases, which an {@link dev.purista.core.lifecycle.Application Application} runs for all
 * its services at once and {@link #stop(Duration)} runs for one:
 * <ol>
 *   <li>{@link #stopAccepting()}: not ready any more; subscriptions leave the bridge; commands from other
 *       processes are answered 503, while commands sent from this process (by work in flight) are still served;
 *   <li>{@link #awaitDrained(Duration)}: the handlers in flight finish;
 *   <li>{@link #release()}: the commands leave the bridge and the executor ends.
 * </ol>
 */
public interface Service extends AutoCloseable {

  ServiceInfo info();

  /** What this instance runs, for adapters that expose its commands, such as an HTTP server. */
  ServiceDefinition definition();

  /** Registers every command and subscription at the bridge. The bridge must be started. */
  void start();

  /** First phase of stopping: takes no new work from outside this process. Idempotent. */
  void stopAccepting();

  /** Second phase: waits up to {@code grace} for the handlers in flight; {@code true} when they all finished. */
  boolean awaitDrained(Duration grace);

  /** Last phase: leaves the bridge and ends the executor; a handler still running is interrupted. Idempotent. */
  void release();

  /**
   * All three phases: stops taking new work at once, waits up to {@code grace} for handlers in flight, then
   * releases the executor. Returns {@code true} when everything in flight finished in time.
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

  /** The stores this instance works with, so that the application's health covers them. */
  List<Store> stores();

  /** Stops queue worker {@code name} taking new jobs until {@link #resumeWorker}; a job being worked finishes. */
  void pauseWorker(String name);

  /** Lets paused queue worker {@code name} take jobs again. */
  void resumeWorker(String name);
}
