package dev.purista.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handler thread that takes a task straight from the caller and, once idle, stays awake for a short while
 * before it parks, so that the next call finds it running.
 *
 * <p>Why it exists: handing a call to a parked pool thread costs a wake-up, about 10 µs on a small VM, which is
 * most of an in-process call. A pool cannot simply spin its idle workers: the workers parked on its queue are
 * still woken for every task. This worker is handed tasks one at a time through its own slot, so it is the only
 * thread that is woken, and only when it has already parked. The pool behind it takes every task it cannot. It
 * never takes work queued for that pool: a task queued just as the worker went idle would otherwise need a second
 * hand-shake to be found, and the pool serves its own queue anyway.
 *
 * <p>It spins only while calls come back to back: after a pause longer than its spin it parks at once, and it
 * spins again after the next short pause. Sparse traffic so costs no CPU in spinning.
 *
 * <p>States, and who moves between them: the worker goes BUSY → SPINNING → PARKED; a submitter claims an idle
 * worker with one compare-and-set, SPINNING or PARKED → BUSY, and only then writes the task, so exactly one
 * submitter wins and the worker never parks with a task waiting (it waits for the slot while BUSY).
 */
final class HandOffWorker {
  private static final Logger LOG = LoggerFactory.getLogger(HandOffWorker.class);

  private static final int BUSY = 0;
  private static final int SPINNING = 1;
  private static final int PARKED = 2;
  private static final int STOPPED = 3;

  private final AtomicInteger state = new AtomicInteger(PARKED);
  private final AtomicBoolean started = new AtomicBoolean();
  private final SpinBudget idleSpin;
  private final Thread thread;
  private volatile Runnable handed;
  private volatile boolean stopping;
  /** Written and read by the worker's thread only. */
  private long idleSince;
  private boolean lastIdleFitTheSpin = true;

  /**
   * A worker whose thread starts with the first task, so that a service that never gets a call costs no thread.
   *
   * @param idleSpin how long and how many idle workers may stay awake at once
   */
  HandOffWorker(String threadName, SpinBudget idleSpin) {
    this.idleSpin = idleSpin;
    this.thread = new Thread(this::work, threadName);
    thread.setDaemon(true);
  }

  /** Gives {@code task} to this worker if it is idle; {@code false} when it is busy or stopped. */
  boolean tryHandOff(Runnable task) {
    if (!started.get() && started.compareAndSet(false, true)) {
      // The thread reads the slot before it parks, so a task claimed before it runs is not missed.
      thread.start();
    }
    while (true) {
      int current = state.get();
      if (current == BUSY || current == STOPPED) {
        return false;
      }
      if (state.compareAndSet(current, BUSY)) {
        handed = task;
        if (current == PARKED) {
          LockSupport.unpark(thread);
        }
        return true;
      }
    }
  }

  /** Lets the current task finish (interrupted, as a pool's {@code shutdownNow} does), then ends the thread. */
  void stop() {
    stopping = true;
    if (started.compareAndSet(false, true) && !state.compareAndSet(PARKED, STOPPED)) {
      // Never started, yet claimed by a submitter that saw the flag this method just set: run that last task.
      thread.start();
    }
    thread.interrupt();
    LockSupport.unpark(thread);
  }

  boolean isIdle() {
    int current = state.get();
    return current == SPINNING || current == PARKED;
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  private void work() {
    Runnable task;
    while ((task = nextTask()) != null) {
      run(task);
      idleSince = System.nanoTime();
      // Only this thread leaves BUSY, so a plain write suffices.
      state.set(SPINNING);
    }
  }

  private Runnable nextTask() {
    if (state.get() == SPINNING) {
      // The last pause predicts the next: after a pause longer than the spin, spinning would only burn CPU.
      if (lastIdleFitTheSpin) {
        idleSpin.spinUntil(() -> state.get() != SPINNING);
      }
      state.compareAndSet(SPINNING, PARKED);
    }
    while (true) {
      Runnable task = handed;
      if (task != null) {
        handed = null;
        lastIdleFitTheSpin = System.nanoTime() - idleSince <= idleSpin.spinNanos();
        return task;
      }
      if (state.get() == BUSY) {
        // Claimed: the submitter writes the task right after its compare-and-set.
        Thread.onSpinWait();
        continue;
      }
      if (stopping && state.compareAndSet(PARKED, STOPPED)) {
        return null;
      }
      LockSupport.park(this);
      if (!stopping) {
        // Nothing but stop() interrupts an idle worker; clear a stale flag so the next handler does not see it.
        Thread.interrupted();
      }
    }
  }

  private void run(Runnable task) {
    if (!stopping) {
      Thread.interrupted();
    }
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // The tasks are pipelines that answer their own failures; this only keeps the worker alive on a bug.
      LOG.error("Handler task failed outside its pipeline", e);
    }
  }
}
