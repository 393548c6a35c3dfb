package dev.purista.core.internal;

import dev.purista.core.spi.support.InFlight;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs handlers off the bridge's threads, with bounded concurrency, and counts what is in flight so that a
 * stopping service can drain.
 *
 * <p>On a JDK with virtual threads (21+) each handler gets one and a semaphore bounds how many run at once, so a
 * blocking JDBC call costs no platform thread. On older JDKs a pool of up to {@code maxConcurrency} threads with a
 * bounded backlog does the same job ({@link IdleThreadFirstPool}); when the backlog is full the call is refused
 * (503) instead of piling up without limit. The runtime is compiled for Java 17, so virtual threads are looked up
 * reflectively.
 *
 * <p>In front of either sits one {@link HandOffWorker}, a thread that stays awake briefly after each handler. A
 * call that finds it idle skips the wake-up of a pool thread, which is most of the cost of an in-process call
 * made one at a time. Permits keep the handlers that run at once, on the worker and in the pool together, within
 * {@code maxConcurrency}.
 */
final class HandlerExecutor {
  private static final ExecutorService NO_VIRTUAL_THREADS = null;

  private static final HandOffWorker NO_HAND_OFF_WORKER = null;
  /** Shared by all services, so that a process with many services still spins on at most its spare cores. */
  private static final SpinBudget IDLE_WORKER_SPIN = SpinBudget.forThisMachine(0);

  private final ExecutorService executor;
  private final boolean owned;
  private final Semaphore permits;
  private final HandOffWorker handOffWorker;
  private final InFlight inFlight = new InFlight();

  private HandlerExecutor(ExecutorService executor, boolean owned, Semaphore permits, HandOffWorker handOffWorker) {
    this.executor = executor;
    this.owned = owned;
    this.permits = permits;
    this.handOffWorker = handOffWorker;
  }

  /**
   * An executor for one service instance; {@code name} prefixes its thread names.
   *
   * @param idleSpin how long an idle hand-off worker stays awake for the next call; zero means no hand-off worker
   */
  static HandlerExecutor create(String name, int maxConcurrency, int queueCapacity, Duration idleSpin) {
    HandOffWorker worker = idleSpin.isZero() || maxConcurrency == 1 ? NO_HAND_OFF_WORKER
        : new HandOffWorker(name + "-hand-off", IDLE_WORKER_SPIN.withSpinTime(idleSpin.toNanos()));
    ExecutorService virtual = newVirtualThreadExecutor();
    if (virtual != NO_VIRTUAL_THREADS) {
      return new HandlerExecutor(virtual, true, new Semaphore(maxConcurrency), worker);
    }
    ThreadPoolExecutor pool = IdleThreadFirstPool.create(maxConcurrency, queueCapacity, daemonThreads(name));
    // The pool keeps all its threads beside the hand-off worker: with one fewer, a handler that waits for another
    // handler could find the pool full while the worker sits idle. The permits keep the bound instead.
    Semaphore permits = worker == NO_HAND_OFF_WORKER ? null : new Semaphore(maxConcurrency);
    return new HandlerExecutor(pool, true, permits, worker);
  }

  /** Wraps an executor the application owns; it is not shut down with the service. */
  static HandlerExecutor wrap(ExecutorService executor) {
    return new HandlerExecutor(executor, false, null, NO_HAND_OFF_WORKER);
  }

  /** Runs {@code task}; throws {@link RejectedExecutionException} when saturated or shut down. */
  void execute(Runnable task) {
    inFlight.begin();
    Runnable counted = () -> runCounted(task);
    if (handOffWorker != NO_HAND_OFF_WORKER && handOffWorker.tryHandOff(counted)) {
      return;
    }
    try {
      executor.execute(counted);
    } catch (RejectedExecutionException e) {
      inFlight.end();
      throw e;
    }
  }

  private void runCounted(Runnable task) {
    try {
      if (permits != null) {
        permits.acquireUninterruptibly();
        try {
          task.run();
        } finally {
          permits.release();
        }
      } else {
        task.run();
      }
    } finally {
      inFlight.end();
    }
  }

  int inFlight() {
    return inFlight.count();
  }

  /** Waits until nothing is in flight; {@code false} when {@code grace} ran out first. */
  boolean awaitIdle(Duration grace) {
    return inFlight.awaitIdle(grace);
  }

  void shutdown() {
    if (handOffWorker != NO_HAND_OFF_WORKER) {
      handOffWorker.stop();
    }
    if (owned) {
      executor.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static ExecutorService newVirtualThreadExecutor() {
    try {
      return (ExecutorService) MethodHandles.publicLookup()
          .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
              MethodType.methodType(ExecutorService.class))
          .invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return NO_VIRTUAL_THREADS;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create virtual-thread executor", e);
    }
  }
}
