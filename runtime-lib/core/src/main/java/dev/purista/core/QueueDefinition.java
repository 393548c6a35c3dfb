package dev.purista.core;

import dev.purista.core.queue.spi.QueueCapability;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named queue of jobs of one type, with the lifecycle its jobs follow. The defaults are PURISTA's: at most 10
 * attempts, retries after an exponential backoff from 1 s up to 120 s with jitter, a 30 s visibility timeout that a
 * running job's heartbeat keeps extending.
 *
 * <pre>{@code
 * QueueDefinition<SendMail> MAILS = QueueDefinition.builder("mails", SendMail.class)
 *     .maxAttempts(5)
 *     .build();
 * }</pre>
 *
 * @param <J> the job payload: a record, bound from JSON and validated like a command payload
 */
public final class QueueDefinition<J> {
  private final String name;
  private final Class<J> jobType;
  private final String description;
  private final int maxAttempts;
  private final Duration visibilityTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Set<QueueCapability> requiredCapabilities;

  private QueueDefinition(Builder<J> builder) {
    this.name = builder.name;
    this.jobType = builder.jobType;
    this.description = builder.description;
    this.maxAttempts = builder.maxAttempts;
    this.visibilityTimeout = builder.visibilityTimeout;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.requiredCapabilities = Set.copyOf(builder.requiredCapabilities);
  }

  /** A queue named {@code name} (letters, digits, {@code -}, {@code _}) whose jobs are {@code jobType}. */
  public static <J> Builder<J> builder(String name, Class<J> jobType) {
    return new Builder<>(name, jobType);
  }

  public String name() {
    return name;
  }

  public Class<J> jobType() {
    return jobType;
  }

  public String description() {
    return description;
  }

  /** Attempts before a failing job is dead-lettered, leases that ran out included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** How long a leased job is hidden from other workers; a running job's heartbeat extends it. */
  public Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /** What the queue bridge must honour, such as idempotency keys; checked when the service starts. */
  public Set<QueueCapability> requiredCapabilities() {
    return requiredCapabilities;
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}: the initial backoff doubled per failed attempt, at most the
   * maximum, and then a random half of it taken off ("equal jitter"), so that jobs that failed together do not
   * all come back at the same moment.
   */
  public Duration retryDelay(int failedAttempt) {
    long initial = initialBackoff.toMillis();
    int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long full = Math.min(maxBackoff.toMillis(), initial << doublings);
    long half = full / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }

  @Override
  public String toString() {
    return "QueueDefinition[" + name + "]";
  }

  /** Builder of {@link QueueDefinition}. */
  public static final class Builder<J> {
    private final String name;
    private final Class<J> jobType;
    private String description = "";
    private int maxAttempts = 10;
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(120);
    private final Set<QueueCapability> requiredCapabilities = EnumSet.of(QueueCapability.LEASE_EXTENSION);

    private Builder(String name, Class<J> jobType) {
      this.name = Checks.checkName(name, "queue name");
      this.jobType = Checks.checkNotNull(jobType, "jobType");
    }

    public Builder<J> description(String value) {
      this.description = Checks.checkNotNull(value, "description");
      return this;
    }

    public Builder<J> maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    public Builder<J> visibilityTimeout(Duration value) {
      Checks.checkNotNull(value, "visibilityTimeout");
      if (value.toMillis() < 100) {
        throw new IllegalArgumentException("visibilityTimeout must be at least 100 ms: " + value);
      }
      this.visibilityTimeout = value;
      return this;
    }

    /** Retries wait {@code initial}, then twice as long per failed attempt, at most {@code max}, with jitter. */
    public Builder<J> backoff(Duration initial, Duration max) {
      Checks.checkNotNull(initial, "initial");
      Checks.checkNotNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff must be 0 <= initial <= max: " + initial + ", " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Jobs are enqueued with idempotency keys: the bridge must create one job per key. */
    public Builder<J> idempotencyKeys() {
      requiredCapabilities.add(QueueCapability.IDEMPOTENCY_ENFORCEMENT);
      return this;
    }

    /** Jobs are enqueued with a delay or a start time: the bridge must hold them until then. */
    public Builder<J> delayedJobs() {
      requiredCapabilities.add(QueueCapability.DELAYED_DELIVERY);
      return this;
    }

    public QueueDefinition<J> build() {
      return new QueueDefinition<>(this);
    }
  }
}
