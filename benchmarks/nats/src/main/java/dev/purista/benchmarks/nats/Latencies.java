package dev.purista.benchmarks.nats;

import java.util.Arrays;

/** Call latencies of one contender across all measured rounds, and the time those calls took together. */
final class Latencies {
  private long[] nanos = new long[1 << 16];
  private int count;
  private long busyNanos;

  void record(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  void addBusyTime(long roundNanos) {
    busyNanos += roundNanos;
  }

  /** The {@code p}-th percentile in microseconds, {@code p} in [0, 100]. */
  double percentileMicros(double p) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000.0;
  }

  double callsPerSecond() {
    return count / (busyNanos / 1e9);
  }

  int count() {
    return count;
  }
}
