package dev.purista.core.spi.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts work that has started and not finished (a handler running, a delivery not yet acknowledged), so that a
 * graceful stop can wait for it before it closes anything: a message acknowledged after its connection closed is
 * delivered again, and a handler cut off mid-way loses its answer.
 *
 * <p>The wait is offered both ways: {@link #whenIdle()} as a future, for a stop that runs on a broker client's
 * thread and must not block it, and {@link #awaitIdle} for a stop that may block.
 */
public final class InFlight {
  private int count;
  private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

  /** A counter at zero. */
  public InFlight() {
  }

  public synchronized void begin() {
    if (count++ == 0) {
      idle = new CompletableFuture<>();
    }
  }

  public void end() {
    CompletableFuture<Void> done = null;
    synchronized (this) {
      if (count == 0) {
        throw new IllegalStateException("end without begin");
      }
      if (--count == 0) {
        done = idle;
      }
    }
    if (done != null) {
      done.complete(null);
    }
  }

  public synchronized int count() {
    return count;
  }

  /** Completes when nothing is in flight; at once if nothing is now. */
  public synchronized CompletableFuture<Void> whenIdle() {
    return idle;
  }

  /** Waits until nothing is in flight; {@code false} when {@code grace} ran out first. */
  public boolean awaitIdle(Duration grace) {
    try {
      whenIdle().get(grace.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return count() == 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the idle future never fails", e);
    }
  }
}
