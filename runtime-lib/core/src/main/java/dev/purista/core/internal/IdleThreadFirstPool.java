package dev.purista.core.internal;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The platform-thread pool of a service's handlers (JDK 17–20): a task goes to an idle pool thread if there is
 * one, starts a new thread only when none is idle, and waits in a bounded backlog once every thread is busy.
 *
 * <p>A plain {@link ThreadPoolExecutor} with a bounded queue does it the other way round: it starts a new thread
 * for every task until it has its core size, however many of its threads sit idle, and queues only after that.
 * Calls made one at a time would then grow every service's pool to {@code maxConcurrency} threads, each with its
 * stack and thread-local buffers, where one or two threads do the work. Here the pool's queue accepts a task only
 * when an idle thread takes it at once ({@link LinkedTransferQueue#tryTransfer}); otherwise the executor starts a
 * thread, and when it already has all of them it refuses the task to {@link Backlog}, which queues it if there is
 * room.
 */
final class IdleThreadFirstPool {
  private static final long IDLE_THREAD_LIFETIME_SECONDS = 60;

  private IdleThreadFirstPool() {
  }

  /**
   * A pool of at most {@code maxThreads} threads from {@code threads}, with room for {@code backlogCapacity}
   * tasks while they are all busy; a task beyond that is refused with {@link RejectedExecutionException}.
   * Threads that stay idle for a minute end.
   */
  static ThreadPoolExecutor create(int maxThreads, int backlogCapacity, ThreadFactory threads) {
    HandOffQueue queue = new HandOffQueue();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, maxThreads, IDLE_THREAD_LIFETIME_SECONDS, TimeUnit.SECONDS,
        queue, threads, new Backlog(queue, backlogCapacity));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The pool's queue: {@link #offer} succeeds only by handing the task to a thread that waits for one. */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    /** Queues {@code task} for the next thread that asks, whether or not one waits now. */
    void enqueue(Runnable task) {
      super.offer(task);
    }
  }

  /** Receives the tasks the executor refuses because all its threads are busy, and queues those it has room for. */
  private static final class Backlog implements RejectedExecutionHandler {
    private final HandOffQueue queue;
    private final Semaphore room;

    Backlog(HandOffQueue queue, int capacity) {
      this.queue = queue;
      this.room = new Semaphore(capacity);
    }

    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
      if (pool.isShutdown()) {
        throw new RejectedExecutionException("the service's executor is shut down");
      }
      if (!room.tryAcquire()) {
        throw new RejectedExecutionException("all " + pool.getMaximumPoolSize()
            + " handler threads are busy and the backlog is full");
      }
      queue.enqueue(() -> {
        room.release();
        task.run();
      });
      // Every thread may have ended (idle for a minute) between the refusal and the enqueue; then nobody would
      // take the task until the next call, so start one. While any thread lives this only reads the worker count:
      // no lock on the path of a saturated pool.
      pool.prestartCoreThread();
    }
  }
}
