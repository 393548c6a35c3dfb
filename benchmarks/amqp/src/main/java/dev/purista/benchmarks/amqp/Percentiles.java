package dev.purista.benchmarks.amqp;

import java.util.Arrays;

/** Latencies of one side across all measured rounds, in nanoseconds, and the calls per second of its rounds. */
final class Percentiles {
  private long[] samples = new long[1024];
  private int size;
  private long callsTimed;
  private long nanosTimed;

  void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  /** One round of {@code calls} calls that took {@code nanos} from first start to last end. */
  void addRound(int calls, long nanos) {
    callsTimed += calls;
    nanosTimed += nanos;
  }

  /** The {@code p}-th percentile in microseconds (nearest rank). */
  double micros(double p) {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1_000.0;
  }

  double callsPerSecond() {
    return callsTimed * 1e9 / nanosTimed;
  }

  int count() {
    return size;
  }
}
