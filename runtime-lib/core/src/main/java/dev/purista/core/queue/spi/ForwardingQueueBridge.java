package dev.purista.core.queue.spi;

import dev.purista.core.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A queue bridge that passes every call on to another one; a subclass overrides what it adds (counting, failing on
 * purpose, offering fewer capabilities) and inherits the rest, so that a method added to {@link QueueBridge} is
 * forwarded in one place.
 */
public class ForwardingQueueBridge implements QueueBridge {
  private final QueueBridge bridge;

  /** Forwards to {@code bridge}. */
  public ForwardingQueueBridge(QueueBridge bridge) {
    this.bridge = Objects.requireNonNull(bridge, "bridge == null");
  }

  /** The bridge underneath. */
  public QueueBridge delegate() {
    return bridge;
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

  @Override
  public OptionalLong depth(String queue) {
    return bridge.depth(queue);
  }

  @Override
  public void close() {
    bridge.close();
  }
}
