package dev.purista.core.queue;

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

/** Passes every call to another queue bridge; tests override what they change. */
class ForwardingQueueBridge implements QueueBridge {
  private final QueueBridge bridge;

  ForwardingQueueBridge(QueueBridge bridge) {
    this.bridge = bridge;
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
    return bridge.complete(job);
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    return bridge.retry(job, delay, reason);
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
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
}
