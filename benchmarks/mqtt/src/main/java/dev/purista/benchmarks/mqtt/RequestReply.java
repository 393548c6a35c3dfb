package dev.purista.benchmarks.mqtt;

import dev.purista.benchmarks.common.RoundTrip;

/** One variant of the benchmark, with clients of its own to close at the end. */
interface RequestReply extends RoundTrip, AutoCloseable {
  @Override
  void close();
}
