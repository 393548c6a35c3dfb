package dev.purista.benchmarks.queues;

import dev.purista.core.queue.spi.ForwardingQueueBridge;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue bridge that passes everything to another one and counts the jobs it completed, so that a round ends when
 * the bridge acknowledged the last completion, not when the last handler returned. Closing it leaves the bridge
 * open: an application closes its queue bridge when it stops, and the bridge outlives the round's application.
 */
final class CompletionCounter extends ForwardingQueueBridge {
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long target = Long.MAX_VALUE;
  private volatile CountDownLatch reached = new CountDownLatch(1);

  CompletionCounter(QueueBridge bridge) {
    super(bridge);
  }

  /** Arms the counter: the returned latch opens when {@code more} further jobs have completed. */
  synchronized CountDownLatch expect(long more) {
    reached = new CountDownLatch(1);
    target = completed.get() + more;
    return reached;
  }

  long completed() {
    return completed.get();
  }

  /** Retries and dead letters: a trivial handler never fails, so any is a broken run. */
  long failed() {
    return failed.get();
  }

  @Override
  public boolean complete(LeasedJob job) {
    boolean done = super.complete(job);
    if (done && completed.incrementAndGet() == target) {
      reached.countDown();
    }
    return done;
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    failed.incrementAndGet();
    return super.retry(job, delay, reason);
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
    failed.incrementAndGet();
    return super.deadLetter(job, reason);
  }

  @Override
  public void close() {
    // The bridge belongs to the benchmark, which closes it at the end of the run.
  }
}
