package dev.purista.amqp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts deliveries that arrived and are not yet settled (acknowledged, rejected or dropped), so that a stopping
 * bridge can wait for them before it closes the connection: a message acknowledged after the close would be
 * delivered again.
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

  /** Waits until nothing is in flight; {@code false} when {@code timeout} ran out first. */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
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
