package dev.purista.core.internal;

import dev.purista.core.spi.support.InFlight;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs handlers off the bridge's threads, with bounded concurrency, and counts what is in flight so that a
 * stopping service can drain.
 *
 * <p>On a JDK with virtual threads (21+) each handler gets one and a semaphore bounds how many run at once, so a
 * blocking JDBC call costs no platform thread. On older JDKs a fixed pool with a bounded queue does the same
 * job; when the queue is full the call is refused (503) instead of piling up without limit. The runtime is
 * compiled for Java 17, so virtual threads are looked up reflectively.
 */
public final class HandlerExecutor {
  private static final ExecutorService NO_VIRTUAL_THREADS = null;

  private final ExecutorService executor;
  private final boolean owned;
  private final Semaphore permits;
  private final InFlight inFlight = new InFlight();

  private HandlerExecutor(ExecutorService executor, boolean owned, Semaphore permits) {
    this.executor = executor;
    this.owned = owned;
    this.permits = permits;
  }

  /** An executor for one service instance; {@code name} prefixes its thread names. */
  public static HandlerExecutor create(String name, int maxConcurrency, int queueCapacity) {
    ExecutorService virtual = newVirtualThreadExecutor();
    if (virtual != NO_VIRTUAL_THREADS) {
      return new HandlerExecutor(virtual, true, new Semaphore(maxConcurrency));
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 60, TimeUnit.SECONDS,
        queueCapacity == 0 ? new LinkedBlockingQueue<>(1) : new LinkedBlockingQueue<>(queueCapacity),
        daemonThreads(name));
    pool.allowCoreThreadTimeOut(true);
    return new HandlerExecutor(pool, true, null);
  }

  /** Wraps an executor the application owns; it is not shut down with the service. */
  public static HandlerExecutor wrap(ExecutorService executor) {
    return new HandlerExecutor(executor, false, null);
  }

  /** Runs {@code task}; throws {@link RejectedExecutionException} when saturated or shut down. */
  public void execute(Runnable task) {
    inFlight.begin();
    try {
      executor.execute(() -> runCounted(task));
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

  public int inFlight() {
    return inFlight.count();
  }

  /** Waits until nothing is in flight; {@code false} when {@code grace} ran out first. */
  public boolean awaitIdle(Duration grace) {
    return inFlight.awaitIdle(grace);
  }

  public void shutdown() {
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
