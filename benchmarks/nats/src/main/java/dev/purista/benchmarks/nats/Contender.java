package dev.purista.benchmarks.nats;

import dev.purista.benchmarks.common.RoundTrip;

/** One side of the benchmark, with connections of its own to close at the end. */
interface Contender extends RoundTrip, AutoCloseable {
  @Override
  void close();
}
