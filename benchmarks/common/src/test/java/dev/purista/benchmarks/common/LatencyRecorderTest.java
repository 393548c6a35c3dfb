package dev.purista.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void percentilesOfAKnownSpreadAreExactToATenthOfAPercent() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int micros = 1; micros <= 10_000; micros++) {
      recorder.record(micros * 1_000L);
    }
    assertEquals(10_000, recorder.count());
    assertWithinATenthOfAPercent(5_000, recorder.percentileMicros(50));
    assertWithinATenthOfAPercent(9_000, recorder.percentileMicros(90));
    assertWithinATenthOfAPercent(9_900, recorder.percentileMicros(99));
    assertWithinATenthOfAPercent(10_000, recorder.maxMicros());
    assertWithinATenthOfAPercent(5_000.5, recorder.meanMicros());
  }

  @Test
  void aRareSlowCallMovesTheTailAndNotTheMedian() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 980; i++) {
      recorder.record(100_000);
    }
    for (int i = 0; i < 20; i++) {
      recorder.record(5_000_000_000L);
    }
    assertWithinATenthOfAPercent(100, recorder.percentileMicros(50));
    assertWithinATenthOfAPercent(100, recorder.percentileMicros(98));
    assertWithinATenthOfAPercent(5_000_000, recorder.percentileMicros(99));
  }

  @Test
  void callsPerSecondDividesTheCallsByTheElapsedTime() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 3_000; i++) {
      recorder.record(1_000);
    }
    recorder.addElapsed(1_000_000_000L);
    recorder.addElapsed(500_000_000L);
    assertEquals(2_000.0, recorder.callsPerSecond(), 1e-9);
  }

  @Test
  void aReadLosesNothingRecordedBeforeOrAfterIt() {
    LatencyRecorder recorder = new LatencyRecorder();
    recorder.record(1_000);
    assertEquals(1, recorder.count());
    recorder.record(3_000);
    recorder.record(3_000);
    assertEquals(3, recorder.count());
    assertWithinATenthOfAPercent(3, recorder.percentileMicros(50));
    assertWithinATenthOfAPercent(1, recorder.percentileMicros(0));
  }

  @Test
  void threadsRecordingAtOnceLoseNoCall() throws InterruptedException {
    LatencyRecorder recorder = new LatencyRecorder();
    int threads = 4;
    int callsEach = 100_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long value = (t + 1) * 1_000L;
      Thread thread = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < callsEach; i++) {
          recorder.record(value);
        }
      });
      thread.start();
      recorders.add(thread);
    }
    start.countDown();
    while (recorders.stream().anyMatch(Thread::isAlive)) {
      recorder.count();
    }
    for (Thread thread : recorders) {
      thread.join();
    }
    assertEquals((long) threads * callsEach, recorder.count());
    assertWithinATenthOfAPercent(2.5, recorder.meanMicros());
  }

  @Test
  void badInputIsRefusedWithItsValue() {
    LatencyRecorder recorder = new LatencyRecorder();
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> recorder.record(-5));
    assertTrue(negative.getMessage().contains("-5"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> recorder.addElapsed(0));
    recorder.record(1_000);
    IllegalArgumentException percentile =
        assertThrows(IllegalArgumentException.class, () -> recorder.percentileMicros(101));
    assertTrue(percentile.getMessage().contains("101"), percentile.getMessage());
    assertThrows(IllegalArgumentException.class, () -> recorder.percentileMicros(Double.NaN));
    assertEquals(1, recorder.count(), "a refused value is not recorded");
  }

  @Test
  void anEmptyRecorderHasNoFiguresToGive() {
    LatencyRecorder recorder = new LatencyRecorder();
    assertEquals(0, recorder.count());
    assertThrows(IllegalStateException.class, () -> recorder.percentileMicros(50));
    assertThrows(IllegalStateException.class, recorder::maxMicros);
    assertThrows(IllegalStateException.class, recorder::callsPerSecond);
  }

  private static void assertWithinATenthOfAPercent(double expected, double actual) {
    assertEquals(expected, actual, expected * 0.001, () -> "expected " + expected + " within 0.1 %, got " + actual);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
