package dev.purista.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavedRoundsTest {

  @Test
  void sidesTakeTurnsRoundByRoundAndWarmUpIsNotRecorded() throws Exception {
    StringBuilder calls = new StringBuilder();
    Side a = new Side("a", calls, 0);
    Side b = new Side("b", calls, 2_000_000);

    Map<Side, LatencyRecorder> results = new InterleavedRounds(1, 2, 3).run(List.of(a, b));

    assertEquals("aaabbbaaabbbaaabbb", calls.toString());
    assertEquals(List.of(a, b), List.copyOf(results.keySet()));
    assertEquals(6, results.get(a).count());
    assertEquals(6, results.get(b).count());
    assertTrue(results.get(b).percentileMicros(50) >= 2_000, "b's calls take at least 2 ms each");
    assertTrue(results.get(b).callsPerSecond() <= 500, "b cannot make more than 500 calls of 2 ms per second");
  }

  @Test
  void aFailingCallEndsTheRunWithItsError() {
    IllegalStateException wrongAnswer = new IllegalStateException("wrong answer");
    RoundTrip failing = new RoundTrip() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public void call() {
        throw wrongAnswer;
      }
    };
    Exception thrown = assertThrows(Exception.class, () -> new InterleavedRounds(0, 1, 1).run(List.of(failing)));
    assertSame(wrongAnswer, thrown);
  }

  @Test
  void roundsThatMeasureNothingAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InterleavedRounds(-1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new InterleavedRounds(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new InterleavedRounds(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new InterleavedRounds(0, 1, 1).run(List.of()));
    Side once = new Side("once", new StringBuilder(), 0);
    assertThrows(IllegalArgumentException.class, () -> new InterleavedRounds(0, 1, 1).run(List.of(once, once)));
  }

  private static final class Side implements RoundTrip {
    private final String name;
    private final StringBuilder calls;
    private final long nanos;

    Side(String name, StringBuilder calls, long nanos) {
      this.name = name;
      this.calls = calls;
      this.nanos = nanos;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void call() throws InterruptedException {
      calls.append(name);
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  }
}
