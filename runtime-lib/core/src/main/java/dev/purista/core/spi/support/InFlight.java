package dev.purista.core.spi.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts work that has started and not finished (a handler running, a delivery not yet acknowledged), so that a
 * graceful stop can wait for it before it closes anything: a message acknowledged after its connection closed is
 * delivered again, and a handler cut off mid-way loses its answer.
 */
public final class InFlight {
  private final AtomicInteger count = new AtomicInteger();
  private final Object idle = new Object();

  /** A counter at zero. */
  public InFlight() {
  }

  public void begin() {
    count.incrementAndGet();
  }

  public void end() {
    if (count.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  public int count() {
    return count.get();
  }

  /** Waits until nothing is in flight; {@code false} when {@code grace} ran out first. */
  public boolean awaitIdle(Duration grace) {
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
