package dev.purista.core.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform-thread pool of a service's handlers (JDK 17–20): a task goes to an idle pool thread if there is
 * one, starts a new thread only when none is idle, and waits in a bounded backlog once every thread is busy.
 *
 * <p>A plain {@link ThreadPoolExecutor} with a bounded queue does it the other way round: it starts a new thread
 * for every task until it has its core size, however many of its threads sit idle, and queues only after that.
 * Calls made one at a time would then grow every service's pool to {@code maxConcurrency} threads, each with its
 * stack and thread-local buffers, where one or two threads do the work. Here the pool's queue accepts a task only
 * while more of its threads wait for work than tasks wait for a thread, so that a waiting thread takes it;
 * otherwise the executor starts a thread, and when it already has all of them it refuses the task to
 * {@link Backlog}, which queues it if there is room. The queue is a {@link LinkedBlockingQueue}, whose waiting
 * threads park at once: a queue whose consumers spin before they park (a transfer queue, a synchronous queue)
 * takes the cores that an HTTP server's I/O threads need.
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

  /** The pool's queue: {@link #offer} succeeds only when a thread that waits for work will take the task. */
  private static final class HandOffQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    /** Threads blocked in {@link #poll} or {@link #take}, waiting for a task. */
    private final AtomicInteger waitingThreads = new AtomicInteger();

    @Override
    public boolean offer(Runnable task) {
      // More threads waiting than tasks queued: one of them takes this task. A thread that stops waiting just now
      // (its idle time ran out) leaves the task for the next thread that finishes, as a full pool would.
      return waitingThreads.get() > size() && super.offer(task);
    }

    /** Queues {@code task} for the next thread that asks, whether or not one waits now. */
    void enqueue(Runnable task) {
      super.offer(task);
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
      waitingThreads.incrementAndGet();
      try {
        return super.poll(timeout, unit);
      } finally {
        waitingThreads.decrementAndGet();
      }
    }

    @Override
    public Runnable take() throws InterruptedException {
      waitingThreads.incrementAndGet();
      try {
        return super.take();
      } finally {
        waitingThreads.decrementAndGet();
      }
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
