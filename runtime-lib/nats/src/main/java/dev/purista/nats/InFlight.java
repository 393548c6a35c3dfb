package dev.purista.nats;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts deliveries that a handler has not finished yet, with their answer or acknowledgement still to send,
 * so that a stopping bridge keeps its connection open until they are done.
 */
final class InFlight {
  private final AtomicInteger count = new AtomicInteger();
  private final Object idle = new Object();

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    if (count.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  int count() {
    return count.get();
  }

  /** Waits until nothing is in flight; {@code false} when {@code grace} ran out first. */
  boolean awaitIdle(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return count.get() == 0;
        }
      }
    }
    return true;
  }
}
