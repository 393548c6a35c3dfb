package dev.purista.benchmarks.queues;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue bridge that passes everything to another one and counts the jobs it completed, so that a round ends when
 * the bridge acknowledged the last completion, not when the last handler returned. Closing it leaves the bridge
 * open: an application closes its queue bridge when it stops, and the bridge outlives the round's application.
 */
final class CompletionCounter implements QueueBridge {
  private final QueueBridge bridge;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long target = Long.MAX_VALUE;
  private volatile CountDownLatch reached = new CountDownLatch(1);

  CompletionCounter(QueueBridge bridge) {
    this.bridge = bridge;
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
  public String name() {
    return bridge.name();
  }

  @Override
  public Set<QueueCapability> capabilities() {
    return bridge.capabilities();
  }

  @Override
  public boolean isHealthy() {
    return bridge.isHealthy();
  }

  @Override
  public Enqueued enqueue(String queue, NewJob job) {
    return bridge.enqueue(queue, job);
  }

  @Override
  public Optional<LeasedJob> lease(String queue, Duration visibilityTimeout, Duration wait)
      throws InterruptedException {
    return bridge.lease(queue, visibilityTimeout, wait);
  }

  @Override
  public boolean extend(LeasedJob job, Duration visibilityTimeout) {
    return bridge.extend(job, visibilityTimeout);
  }

  @Override
  public boolean complete(LeasedJob job) {
    boolean done = bridge.complete(job);
    if (done && completed.incrementAndGet() == target) {
      reached.countDown();
    }
    return done;
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    failed.incrementAndGet();
    return bridge.retry(job, delay, reason);
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
    failed.incrementAndGet();
    return bridge.deadLetter(job, reason);
  }

  @Override
  public Optional<JobState> state(String queue, String jobId) {
    return bridge.state(queue, jobId);
  }

  @Override
  public List<DeadLetter> deadLetters(String queue, int limit) {
    return bridge.deadLetters(queue, limit);
  }

  @Override
  public int redrive(String queue) {
    return bridge.redrive(queue);
  }

  @Override
  public int purgeDeadLetters(String queue) {
    return bridge.purgeDeadLetters(queue);
  }

  @Override
  public void close() {
    // The bridge belongs to the benchmark, which closes it at the end of the run.
  }
}
