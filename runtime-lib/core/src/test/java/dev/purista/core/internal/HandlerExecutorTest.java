package dev.purista.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerExecutorTest {

  @Test
  void neverRunsMoreHandlersAtOnceThanItsBound() throws InterruptedException {
    HandlerExecutor executor = HandlerExecutor.create("bounded", 3, 100);
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
  void awaitIdleReportsWorkThatDoesNotFinishInTime() {
    HandlerExecutor executor = HandlerExecutor.create("slow", 1, 10);
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
    HandlerExecutor executor = HandlerExecutor.create("tiny", 1, 1);
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
