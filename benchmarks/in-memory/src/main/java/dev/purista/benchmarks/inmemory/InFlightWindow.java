package dev.purista.benchmarks.inmemory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Keeps a fixed number of asynchronous calls in flight until a given number has completed: each completion
 * starts the next call, like the original's 64 {@code async} workers that each await one call at a time. Only
 * the first {@code width} calls start together and only the last ones drain with fewer in flight, so with many
 * calls per run the window is full nearly all the time.
 */
public final class InFlightWindow {
  private final int total;
  private final IntFunction<? extends CompletableFuture<?>> call;
  private final AtomicInteger started = new AtomicInteger();
  private final CountDownLatch finished;
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  private InFlightWindow(int total, IntFunction<? extends CompletableFuture<?>> call) {
    this.total = total;
    this.call = call;
    this.finished = new CountDownLatch(total);
  }

  /**
   * Makes {@code total} calls, {@code width} at a time, and returns when all have completed.
   *
   * @param call starts call number {@code i} (0 to {@code total - 1}) and returns its future
   * @throws IllegalStateException carrying the first failure, when any call failed
   */
  public static void run(int width, int total, IntFunction<? extends CompletableFuture<?>> call)
      throws InterruptedException {
    if (width < 1 || total < 0) {
      throw new IllegalArgumentException("width must be positive and total not negative: " + width + ", " + total);
    }
    InFlightWindow window = new InFlightWindow(total, call);
    for (int i = 0; i < width; i++) {
      window.startNext();
    }
    window.finished.await();
    Throwable failure = window.firstFailure.get();
    if (failure != null) {
      throw new IllegalStateException("a call in the window failed: " + failure, failure);
    }
  }

  /**
   * Starts calls until one is still running, then lets its completion continue. Looping instead of recursing
   * keeps the stack flat when calls complete before {@code whenComplete} is attached.
   */
  private void startNext() {
    while (true) {
      int number = started.getAndIncrement();
      if (number >= total) {
        return;
      }
      CompletableFuture<?> future;
      try {
        future = call.apply(number);
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      if (!future.isDone()) {
        future.whenComplete((result, failure) -> {
          completed(failure);
          startNext();
        });
        return;
      }
      completed(future.isCompletedExceptionally() ? failureOf(future) : null);
    }
  }

  private void completed(Throwable failure) {
    if (failure != null) {
      firstFailure.compareAndSet(null, failure);
    }
    finished.countDown();
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    return future.handle((result, failure) -> failure).join();
  }
}
