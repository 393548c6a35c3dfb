package dev.purista.benchmarks.mqtt;

import dev.purista.benchmarks.common.RoundTrip;

/**
 * One side of the emit benchmark: a publisher and a durable shared subscriber with connections of their own.
 * {@link #call()} emits one event and returns once the subscriber has it; {@link #burst(int)} emits many without
 * waiting in between and returns once the subscriber has them all.
 */
interface EmitVariant extends RoundTrip, AutoCloseable {
  /** Emits {@code events} back to back and waits until every one was delivered; returns the elapsed nanoseconds. */
  long burst(int events) throws Exception;

  @Override
  void close();
}
