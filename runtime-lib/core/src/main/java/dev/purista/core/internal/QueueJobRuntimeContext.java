package dev.purista.core.internal;

import dev.purista.core.QueueJobContext;
import dev.purista.core.Queues;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;

/** The context of one queue job's run; it records the outcome the handler chose, if any. */
final class QueueJobRuntimeContext extends ServiceBoundContext implements QueueJobContext {
  /** What to do with the job when the handler returns. */
  sealed interface Outcome permits Complete, Retry, DeadLetter {
  }

  record Complete() implements Outcome {
  }

  record Retry(Duration delay, String reason) implements Outcome {
  }

  record DeadLetter(String reason) implements Outcome {
  }

  private final LeasedJob job;
  private final QueueBridge bridge;
  private final QueueClient queues;
  private volatile Outcome outcome = new Complete();

  QueueJobRuntimeContext(LeasedJob job, Message origin, Logger logger, ServiceResources resources,
      QueueBridge bridge, QueueClient queues, MessageAddress self) {
    super(origin, logger, resources, self);
    this.job = job;
    this.bridge = bridge;
    this.queues = queues.tracing(origin);
  }

  Outcome outcome() {
    return outcome;
  }

  @Override
  public String queueName() {
    return job.queue();
  }

  @Override
  public String jobId() {
    return job.jobId();
  }

  @Override
  public int attempt() {
    return job.attempt();
  }

  @Override
  public String traceId() {
    return job.traceId();
  }

  @Override
  public Queues queues() {
    return queues;
  }

  @Override
  public void extendLease(Duration duration) {
    if (!bridge.extend(job, Objects.requireNonNull(duration, "duration"))) {
      throw new IllegalStateException("the lease of job " + job.jobId() + " ran out; another worker may have it");
    }
  }

  @Override
  public void retryAfter(Duration delay, String reason) {
    outcome = new Retry(Objects.requireNonNull(delay, "delay"), reason);
  }

  @Override
  public void moveToDeadLetter(String reason) {
    outcome = new DeadLetter(reason);
  }
}
