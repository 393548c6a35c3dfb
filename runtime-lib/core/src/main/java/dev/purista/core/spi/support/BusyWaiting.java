package dev.purista.core.spi.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns off the runtime's brief busy-waits while a component whose own threads need every core is running, such
 * as an HTTP server under load. The runtime spins for a few microseconds in two places, a caller awaiting an
 * in-process answer and a service's idle hand-off thread (see {@code ServiceOptions.idleSpin}), because a
 * context switch costs more than an in-process call. A server's I/O threads are busy too, and a spinning thread
 * takes their core: on two cores an HTTP-exposed command served about 0.8× a bare handler's requests/s with the
 * spinning and about 0.9× without it. Against a request that takes a millisecond, the context switch saved is
 * noise. A service's hand-off thread still takes calls while busy-waiting is held off; it parks between them
 * instead of spinning, so that calls one after another keep finding the same thread rather than growing the pool.
 */
public final class BusyWaiting {
  private static final AtomicInteger HOLDS = new AtomicInteger();

  private BusyWaiting() {
  }

  /** Stops busy-waiting until the returned hold is closed; holds from several components add up. */
  public static Hold holdOff() {
    HOLDS.incrementAndGet();
    return new Hold();
  }

  /** Whether a component holds busy-waiting off now. */
  public static boolean heldOff() {
    return HOLDS.get() > 0;
  }

  /** One component's hold; closing it more than once releases it once. */
  public static final class Hold implements AutoCloseable {
    private final AtomicBoolean released = new AtomicBoolean();

    private Hold() {
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        HOLDS.decrementAndGet();
      }
    }
  }
}
