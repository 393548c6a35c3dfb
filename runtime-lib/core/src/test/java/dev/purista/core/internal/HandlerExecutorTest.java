package dev.purista.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerExecutorTest {

  private static final Duration SPIN = Duration.ofNanos(50_000);

  @ParameterizedTest(name = "idle spin {0}")
  @ValueSource(longs = {0, 50_000})
  void neverRunsMoreHandlersAtOnceThanItsBound(long idleSpinNanos) throws InterruptedException {
    HandlerExecutor executor = HandlerExecutor.create("bounded", 3, 100, Duration.ofNanos(idleSpinNanos));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(20);

    for (int i = 0; i < 20; i++) {
      executor.execute(() -> {
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        sleep(20);
        running.decrementAndGet();
        done.countDown();
      });
    }

    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(3, peak.get(), "peak concurrency");
    assertTrue(executor.awaitIdle(Duration.ofSeconds(1)));
    assertEquals(0, executor.inFlight());
    executor.shutdown();
  }

  @Test
  void callsMadeOneAtATimeReuseAnIdleThreadInsteadOfStartingNewOnes() throws Exception {
    // No hand-off worker (idle spin zero, as in a Lambda function), so every call goes to the pool. A pool that
    // started a thread per call until it had maxConcurrency of them would show 64 names here.
    HandlerExecutor executor = HandlerExecutor.create("one-at-a-time", 64, 100, Duration.ZERO);
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 200; i++) {
      CompletableFuture<Void> call = new CompletableFuture<>();
      executor.execute(() -> {
        threadNames.add(Thread.currentThread().getName());
        call.complete(null);
      });
      call.get(5, TimeUnit.SECONDS);
    }

    // A call can arrive while the thread that ran the last one has not yet gone back to wait, and then another
    // thread starts; on a busy machine a thread can take a while to get back, so a few may start. One per call
    // until the pool is full would be 64.
    assertTrue(threadNames.size() <= 8, () -> "threads used for 200 calls one at a time: " + threadNames);
    executor.shutdown();
  }

  @Test
  void awaitIdleReportsWorkThatDoesNotFinishInTime() {
    HandlerExecutor executor = HandlerExecutor.create("slow", 1, 10, SPIN);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(() -> await(release));

    assertFalse(executor.awaitIdle(Duration.ofMillis(50)));
    assertEquals(1, executor.inFlight());
    release.countDown();
    assertTrue(executor.awaitIdle(Duration.ofSeconds(5)));
    executor.shutdown();
  }

  @Test
  void aFullQueueRefusesInsteadOfGrowingWithoutLimit() {
    // Only the platform-thread pool (JDK 17-20) has a queue; with virtual threads the semaphore makes callers wait.
    HandlerExecutor executor = HandlerExecutor.create("tiny", 1, 1, SPIN);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(() -> await(release));
    executor.execute(() -> await(release));
    if (Runtime.version().feature() < 21) {
      assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
      assertEquals(2, executor.inFlight(), "a refused task is not counted");
    }
    release.countDown();
    assertTrue(executor.awaitIdle(Duration.ofSeconds(5)));
    executor.shutdown();
  }

  @Test
  void losesNoTaskWhenManyThreadsSubmitAtOnce() throws InterruptedException {
    HandlerExecutor executor = HandlerExecutor.create("stress", 4, 100_000, SPIN);
    int submitters = 4;
    int perSubmitter = 20_000;
    CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
    Thread[] threads = new Thread[submitters];
    for (int t = 0; t < submitters; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < perSubmitter; i++) {
          executor.execute(done::countDown);
          if (i % 64 == 0) {
            // A pause now and then lets the hand-off worker go idle, so that claims race with its parking.
            BusyWait.nanos(ThreadLocalRandom.current().nextLong(100_000));
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertTrue(done.await(30, TimeUnit.SECONDS), () -> done.getCount() + " tasks never ran");
    assertTrue(executor.awaitIdle(Duration.ofSeconds(5)));
    assertEquals(0, executor.inFlight());
    executor.shutdown();
  }

  @Test
  void aHandlerThatCallsAnotherHandlerAndWaitsForItDoesNotDeadlock() throws Exception {
    HandlerExecutor executor = HandlerExecutor.create("nested", 2, 10, SPIN);
    for (int i = 0; i < 200; i++) {
      CompletableFuture<String> outer = new CompletableFuture<>();
      executor.execute(() -> {
        CompletableFuture<String> inner = new CompletableFuture<>();
        executor.execute(() -> inner.complete("inner"));
        try {
          outer.complete(inner.get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
          outer.completeExceptionally(e);
        }
      });
      assertEquals("inner", outer.get(10, TimeUnit.SECONDS));
    }
    executor.shutdown();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
