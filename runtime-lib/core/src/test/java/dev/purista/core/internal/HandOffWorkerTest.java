package dev.purista.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandOffWorkerTest {
  private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  /**
   * One call at a time with pauses around the spin window, so that claims land while the worker spins, while it
   * gives up spinning, and after it parked: every claim of an idle worker must run, on the worker.
   */
  @ParameterizedTest(name = "spinners allowed: {0}")
  @ValueSource(ints = {0, 1})
  void runsEveryTaskHandedToItWhileIdle(int spinners) throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("hand-off-test", new SpinBudget(spinners, SPIN_NANOS));
    AtomicReference<String> ranOn = new AtomicReference<>();
    for (int i = 0; i < 20_000; i++) {
      awaitIdle(worker);
      CountDownLatch ran = new CountDownLatch(1);
      assertTrue(worker.tryHandOff(() -> {
        ranOn.set(Thread.currentThread().getName());
        ran.countDown();
      }), "an idle worker takes the task");
      assertTrue(ran.await(5, TimeUnit.SECONDS), "task " + i + " was lost");
      assertEquals("hand-off-test", ranOn.get());
      BusyWait.nanos(ThreadLocalRandom.current().nextLong(2 * SPIN_NANOS));
    }
    worker.stop();
  }

  @Test
  void aBusyWorkerRefusesSoThatNoTaskWaitsBehindAnother() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("busy", new SpinBudget(1, SPIN_NANOS));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    assertTrue(worker.tryHandOff(() -> {
      started.countDown();
      await(release);
    }));
    assertTrue(started.await(5, TimeUnit.SECONDS));

    assertFalse(worker.tryHandOff(() -> { }), "busy");
    release.countDown();
    awaitIdle(worker);
    worker.stop();
  }

  @Test
  void competingSubmittersNeverLoseOrDuplicateATask() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("contended", new SpinBudget(1, SPIN_NANOS));
    AtomicLong handed = new AtomicLong();
    AtomicLong ran = new AtomicLong();
    Thread[] submitters = new Thread[3];
    for (int t = 0; t < submitters.length; t++) {
      submitters[t] = new Thread(() -> {
        for (int i = 0; i < 50_000; i++) {
          if (worker.tryHandOff(ran::incrementAndGet)) {
            handed.incrementAndGet();
          }
        }
      });
      submitters[t].start();
    }
    for (Thread submitter : submitters) {
      submitter.join();
    }
    awaitIdle(worker);

    assertTrue(handed.get() > 0, "some hand-offs succeed");
    assertEquals(handed.get(), ran.get(), "every accepted task ran exactly once");
    worker.stop();
  }

  @Test
  void aTaskThatThrowsDoesNotEndTheWorker() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("throws", new SpinBudget(1, SPIN_NANOS));
    assertTrue(worker.tryHandOff(() -> {
      throw new IllegalStateException("bug in a task (expected in this test)");
    }));
    awaitIdle(worker);
    CountDownLatch ran = new CountDownLatch(1);
    assertTrue(worker.tryHandOff(ran::countDown));
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    worker.stop();
  }

  @Test
  void aWorkerStartsItsThreadOnlyForItsFirstTask() throws InterruptedException {
    HandOffWorker unused = new HandOffWorker("unused", new SpinBudget(1, SPIN_NANOS));
    assertFalse(unused.isAlive(), "no thread before the first task");
    unused.stop();
    assertFalse(unused.tryHandOff(() -> { }), "a stopped worker takes nothing");
    assertFalse(unused.isAlive());
  }

  @Test
  void stopEndsAnIdleWorkerAndRefusesLaterTasks() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("stop-idle", new SpinBudget(1, SPIN_NANOS));
    CountDownLatch ran = new CountDownLatch(1);
    assertTrue(worker.tryHandOff(ran::countDown));
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    awaitIdle(worker);
    assertTrue(worker.isAlive());
    worker.stop();

    awaitDeath(worker);
    assertFalse(worker.tryHandOff(() -> { }), "a stopped worker takes nothing");
  }

  @Test
  void stopInterruptsTheRunningTaskAndEndsAfterIt() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("stop-busy", new SpinBudget(1, SPIN_NANOS));
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    assertTrue(worker.tryHandOff(() -> {
      started.countDown();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    }));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    worker.stop();

    awaitDeath(worker);
    assertTrue(interrupted.get(), "the task was interrupted, as by a pool's shutdownNow");
  }

  @Test
  void aStaleInterruptDoesNotReachTheNextTask() throws InterruptedException {
    HandOffWorker worker = new HandOffWorker("stale", new SpinBudget(1, SPIN_NANOS));
    assertTrue(worker.tryHandOff(() -> Thread.currentThread().interrupt()));
    awaitIdle(worker);
    AtomicBoolean sawInterrupt = new AtomicBoolean(true);
    CountDownLatch ran = new CountDownLatch(1);
    assertTrue(worker.tryHandOff(() -> {
      sawInterrupt.set(Thread.currentThread().isInterrupted());
      ran.countDown();
    }));
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    assertFalse(sawInterrupt.get());
    worker.stop();
  }

  private static void awaitIdle(HandOffWorker worker) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!worker.isIdle()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the worker did not become idle");
      }
      Thread.onSpinWait();
    }
  }

  private static void awaitDeath(HandOffWorker worker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (worker.isAlive()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the worker's thread did not end");
      }
      Thread.sleep(1);
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
