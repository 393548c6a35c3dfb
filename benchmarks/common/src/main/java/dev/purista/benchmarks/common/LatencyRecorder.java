package dev.purista.benchmarks.common;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of one side of a benchmark and the time during which they were taken, for percentiles and calls
 * per second. Backed by HdrHistogram with three significant digits, so a percentile is exact to within 0.1 % at any
 * magnitude, from nanoseconds to minutes, in constant memory however many calls are recorded.
 *
 * <p>Any number of threads may record at once: recording is wait-free, so a measured thread never waits for another
 * one to record, which matters for benchmarks with many callers. Reading takes what was recorded so far; recording may go on after
 * a read, and a later read includes both. Reads and the elapsed time share one lock, which no recording thread
 * takes.
 */
public final class LatencyRecorder {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final Histogram recorded = new Histogram(SIGNIFICANT_DIGITS);
  private Histogram interval;
  private long elapsedNanos;

  /** One call that took {@code nanos}. */
  public void record(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a latency cannot be negative: " + nanos + " ns");
    }
    recorder.recordValue(nanos);
  }

  /**
   * Adds wall time during which the recorded calls were made, for {@link #callsPerSecond()}. Time between calls of
   * one caller (its own bookkeeping) belongs in it: that is what a caller can sustain.
   */
  public synchronized void addElapsed(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("elapsed time must be positive: " + nanos + " ns");
    }
    elapsedNanos += nanos;
  }

  /** How many calls were recorded. */
  public synchronized long count() {
    return histogram().getTotalCount();
  }

  /** The {@code percentile}-th percentile (0 to 100) of the recorded latencies, in microseconds. */
  public synchronized double percentileMicros(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("a percentile lies between 0 and 100: " + percentile);
    }
    Histogram histogram = nonEmpty();
    return histogram.getValueAtPercentile(percentile) / 1_000.0;
  }

  /** The longest recorded latency, in microseconds. */
  public synchronized double maxMicros() {
    return nonEmpty().getMaxValue() / 1_000.0;
  }

  /** The mean of the recorded latencies, in microseconds. */
  public synchronized double meanMicros() {
    return nonEmpty().getMean() / 1_000.0;
  }

  /** Recorded calls per second of {@linkplain #addElapsed elapsed time}. */
  public synchronized double callsPerSecond() {
    if (elapsedNanos == 0) {
      throw new IllegalStateException("no elapsed time was added, so there is no rate");
    }
    return count() * 1e9 / elapsedNanos;
  }

  private Histogram nonEmpty() {
    Histogram histogram = histogram();
    if (histogram.getTotalCount() == 0) {
      throw new IllegalStateException("no latency was recorded");
    }
    return histogram;
  }

  /** Everything recorded so far: the recorder hands over what came since the last read, which is added up here. */
  private synchronized Histogram histogram() {
    interval = recorder.getIntervalHistogram(interval);
    recorded.add(interval);
    return recorded;
  }
}
