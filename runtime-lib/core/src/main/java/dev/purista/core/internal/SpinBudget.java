package dev.purista.core.internal;

import dev.purista.core.spi.support.BusyWaiting;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Lets a few threads busy-wait briefly before they park. Parking and waking a thread costs a context switch on
 * each side of a hand-off (about 10 µs each on a small VM), which dominates an in-process call; a waiter that
 * spins a few microseconds sees the answer without one. Spinning burns a core, so only as many threads as the
 * budget allows spin at once, and each only for a bounded time; the rest park at once.
 *
 * <p>Two kinds of thread spin, each with its own budget: callers waiting for an answer ({@link BridgeInvoker}) and
 * idle {@link HandOffWorker}s waiting for the next call. They take turns in a call made one at a time, so a shared
 * budget would make one of them park just as the other finishes.
 */
final class SpinBudget {
  /** An in-process answer on an idle machine takes 2–5 µs; past this, the spinner yields between polls. */
  private static final long POLITE_AFTER_NANOS = 10_000;

  private final AtomicInteger spinning;
  private final int maxSpinners;
  private final long spinNanos;

  SpinBudget(int maxSpinners, long spinNanos) {
    this(new AtomicInteger(), maxSpinners, spinNanos);
  }

  private SpinBudget(AtomicInteger spinning, int maxSpinners, long spinNanos) {
    this.spinning = spinning;
    this.maxSpinners = maxSpinners;
    this.spinNanos = spinNanos;
  }

  long spinNanos() {
    return spinNanos;
  }

  /** The same budget of spinners, each spinning for {@code nanos}. */
  SpinBudget withSpinTime(long nanos) {
    return new SpinBudget(spinning, maxSpinners, nanos);
  }

  /** A budget for this machine: one spinner fewer than cores, so that the thread being waited for can run. */
  static SpinBudget forThisMachine(long spinNanos) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SpinBudget(Math.max(0, cores - 1), spinNanos);
  }

  /** Spins until {@code done} or the spin time ends; {@code true} when {@code done} became true. */
  boolean spinUntil(BooleanSupplier done) {
    if (spinNanos <= 0 || maxSpinners == 0 || BusyWaiting.heldOff()) {
      return done.getAsBoolean();
    }
    if (spinning.incrementAndGet() > maxSpinners) {
      spinning.decrementAndGet();
      return done.getAsBoolean();
    }
    try {
      long start = System.nanoTime();
      long politeFrom = start + POLITE_AFTER_NANOS;
      long end = start + spinNanos;
      long now = start;
      do {
        if (done.getAsBoolean()) {
          return true;
        }
        if (now - politeFrom < 0) {
          Thread.onSpinWait();
        } else {
          // A wait this long suggests the awaited thread has no core: a busy machine; give it ours.
          Thread.yield();
        }
        now = System.nanoTime();
      } while (now - end < 0);
      return done.getAsBoolean();
    } finally {
      spinning.decrementAndGet();
    }
  }
}
