package dev.purista.benchmarks.mqtt;

import java.util.Arrays;

/** The round-trip times of one variant across all its measured rounds. */
final class Latencies {
  private long[] nanos = new long[1 << 14];
  private int count;
  private long totalNanos;

  void add(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  /** Wall time of the rounds, for calls per second: includes what happens between calls. */
  void addRoundTime(long elapsedNanos) {
    totalNanos += elapsedNanos;
  }

  int count() {
    return count;
  }

  double percentileMicros(double percentile) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000.0;
  }

  double callsPerSecond() {
    return count / (totalNanos / 1_000_000_000.0);
  }
}
