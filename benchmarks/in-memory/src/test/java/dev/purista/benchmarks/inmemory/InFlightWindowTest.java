package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {
  private final ExecutorService completer = Executors.newFixedThreadPool(4);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Set<Integer> started = ConcurrentHashMap.newKeySet();

  @AfterEach
  void stopCompleter() throws InterruptedException {
    completer.shutdownNow();
    completer.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A call that completes later on another thread, recording how many calls are open at once. */
  private CompletableFuture<Integer> slowCall(int number) {
    started.add(number);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    return CompletableFuture.supplyAsync(() -> {
      sleepMicros(200);
      inFlight.decrementAndGet();
      return number;
    }, completer);
  }

  @Test
  void makesEveryCallOnceAndFillsTheWindowWithoutExceedingIt() throws InterruptedException {
    InFlightWindow.run(16, 2_000, this::slowCall);

    assertEquals(2_000, started.size());
    assertEquals(16, mostInFlight.get());
    assertEquals(0, inFlight.get());
  }

  @Test
  void callsThatCompleteAtOnceDoNotDeepenTheStack() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();

    InFlightWindow.run(4, 200_000, number -> {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(number);
    });

    assertEquals(200_000, calls.get());
  }

  @Test
  void aFailedCallIsReportedAfterTheOthersFinished() {
    IllegalArgumentException boom = new IllegalArgumentException("call 500 failed");

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> InFlightWindow.run(8, 1_000,
        number -> number == 500 ? CompletableFuture.failedFuture(boom) : slowCall(number)));

    assertSame(boom, error.getCause());
    assertEquals(999, started.size());
    assertEquals(0, inFlight.get());
  }

  private static void sleepMicros(long micros) {
    long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
