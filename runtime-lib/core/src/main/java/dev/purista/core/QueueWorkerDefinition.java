package dev.purista.core;

import java.time.Duration;

/**
 * Works the jobs of one queue. Sequential by default (one job at a time per service instance, PURISTA's default);
 * {@link Builder#concurrency} runs more at once. Instances of the service on other processes compete for the jobs:
 * each job is leased to one worker at a time.
 *
 * <pre>{@code
 * QueueWorkerDefinition<SendMail> MAILER = QueueWorkerDefinition.builder("mailer", MAILS)
 *     .handler((ctx, mail) -> smtp.send(mail))
 *     .build();
 * }</pre>
 *
 * @param <J> the job payload type of its queue
 */
public final class QueueWorkerDefinition<J> {
  private final String name;
  private final QueueDefinition<J> queue;
  private final QueueJobHandler<J> handler;
  private final String description;
  private final int concurrency;
  private final Duration pollWait;

  private QueueWorkerDefinition(Builder<J> builder) {
    this.name = builder.name;
    this.queue = builder.queue;
    this.handler = Checks.checkNotNull(builder.handler, "handler of queue worker " + builder.name);
    this.description = builder.description;
    this.concurrency = builder.concurrency;
    this.pollWait = builder.pollWait;
  }

  public static <J> Builder<J> builder(String name, QueueDefinition<J> queue) {
    return new Builder<>(name, queue);
  }

  public String name() {
    return name;
  }

  public QueueDefinition<J> queue() {
    return queue;
  }

  public QueueJobHandler<J> handler() {
    return handler;
  }

  public String description() {
    return description;
  }

  /** Jobs worked at once by one service instance. */
  public int concurrency() {
    return concurrency;
  }

  /** How long one lease call waits for a job before it asks again; bounds how long stopping takes. */
  public Duration pollWait() {
    return pollWait;
  }

  @Override
  public String toString() {
    return "QueueWorkerDefinition[" + name + " on " + queue.name() + "]";
  }

  /** Builder of {@link QueueWorkerDefinition}. */
  public static final class Builder<J> {
    private final String name;
    private final QueueDefinition<J> queue;
    private QueueJobHandler<J> handler;
    private String description = "";
    private int concurrency = 1;
    private Duration pollWait = Duration.ofSeconds(1);

    private Builder(String name, QueueDefinition<J> queue) {
      this.name = Checks.checkName(name, "queue worker name");
      this.queue = Checks.checkNotNull(queue, "queue");
    }

    public Builder<J> handler(QueueJobHandler<J> value) {
      this.handler = Checks.checkNotNull(value, "handler");
      return this;
    }

    public Builder<J> description(String value) {
      this.description = Checks.checkNotNull(value, "description");
      return this;
    }

    public Builder<J> concurrency(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + value);
      }
      this.concurrency = value;
      return this;
    }

    public Builder<J> pollWait(Duration value) {
      Checks.checkNotNull(value, "pollWait");
      if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofSeconds(30)) > 0) {
        throw new IllegalArgumentException("pollWait must be between 0 and 30 s: " + value);
      }
      this.pollWait = value;
      return this;
    }

    public QueueWorkerDefinition<J> build() {
      return new QueueWorkerDefinition<>(this);
    }
  }
}
