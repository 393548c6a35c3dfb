package dev.purista.benchmarks.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times several sides of a benchmark in turns: a round of calls of the first side, then of the second, and so on,
 * warm-up rounds first, which are not recorded. On a machine whose load changes from second to second, short
 * interleaved rounds give every side the same share of it, so the ratio of two sides in one run means something
 * when their absolute figures do not.
 *
 * @param warmupRounds rounds per side run first and not recorded
 * @param measuredRounds rounds per side recorded
 * @param callsPerRound calls of one side, one at a time, in each round
 */
public record InterleavedRounds(int warmupRounds, int measuredRounds, int callsPerRound) {
  public InterleavedRounds {
    if (warmupRounds < 0 || measuredRounds < 1 || callsPerRound < 1) {
      throw new IllegalArgumentException("rounds need at least 0 warm-up rounds, 1 measured round and 1 call per "
          + "round, not " + warmupRounds + ", " + measuredRounds + " and " + callsPerRound);
    }
  }

  /**
   * Runs every round and returns each side's recorder, in the order of {@code sides}. A failing call ends the run
   * with its exception: a benchmark whose calls fail measures nothing.
   */
  public <T extends RoundTrip> Map<T, LatencyRecorder> run(List<T> sides) throws Exception {
    if (sides.isEmpty()) {
      throw new IllegalArgumentException("nothing to measure: no sides");
    }
    Map<T, LatencyRecorder> recorders = new LinkedHashMap<>();
    sides.forEach(side -> recorders.put(side, new LatencyRecorder()));
    if (recorders.size() != sides.size()) {
      throw new IllegalArgumentException("a side is listed twice: " + sides);
    }
    for (int round = 0; round < warmupRounds + measuredRounds; round++) {
      for (T side : sides) {
        runRound(side, round < warmupRounds ? new LatencyRecorder() : recorders.get(side));
      }
    }
    return recorders;
  }

  private void runRound(RoundTrip side, LatencyRecorder into) throws Exception {
    long roundStart = System.nanoTime();
    for (int i = 0; i < callsPerRound; i++) {
      long start = System.nanoTime();
      side.call();
      into.record(System.nanoTime() - start);
    }
    into.addElapsed(System.nanoTime() - roundStart);
  }
}
