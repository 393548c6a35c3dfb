package dev.purista.benchmarks.amqp;

import dev.purista.benchmarks.common.RoundTrip;

/** One side of the benchmark, with a connection of its own to close at the end. */
interface RequestReply extends RoundTrip, AutoCloseable {
  @Override
  void close() throws java.io.IOException;
}
