package dev.purista.core;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * How a service instance runs: stores, queue bridge, resources, validator and handler concurrency. Every option has a default,
 * so {@code ServiceOptions.defaults()} is a working configuration.
 *
 * <pre>{@code
 * ServiceOptions.configure(o -> o.stateStore(redis).resources(Resources.builder().add("db", ds).build()))
 * }</pre>
 */
public final class ServiceOptions {
  /** Handlers in flight per service instance by default: enough for blocking JDBC-style work. */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;
  /** Calls that may wait for a handler thread before new ones are refused with 503. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  /**
   * How long an idle handler thread stays awake for the next call by default: long enough to span a caller's turn
   * between two calls made one at a time, short enough that an idle service costs no CPU to speak of.
   */
  public static final Duration DEFAULT_IDLE_SPIN = Duration.ofNanos(50_000);

  private final StateStore stateStore;
  private final ConfigStore configStore;
  private final SecretStore secretStore;
  private final Resources resources;
  private final PayloadValidator validator;
  private final int maxConcurrency;
  private final int queueCapacity;
  private final ExecutorService executor;
  private final Duration idleSpin;
  private final QueueBridge queueBridge;
  private final OpenTelemetry openTelemetry;

  private ServiceOptions(Builder builder) {
    this.stateStore = builder.stateStore;
    this.configStore = builder.configStore;
    this.secretStore = builder.secretStore;
    this.resources = builder.resources;
    this.validator = builder.validator;
    this.maxConcurrency = builder.maxConcurrency;
    this.queueCapacity = builder.queueCapacity;
    this.executor = builder.executor;
    this.idleSpin = builder.idleSpin;
    this.queueBridge = builder.queueBridge;
    this.openTelemetry = builder.openTelemetry;
  }

  public static ServiceOptions defaults() {
    return builder().build();
  }

  public static ServiceOptions configure(Consumer<Builder> configuration) {
    Builder builder = builder();
    configuration.accept(builder);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.stateStore = stateStore;
    builder.configStore = configStore;
    builder.secretStore = secretStore;
    builder.resources = resources;
    builder.validator = validator;
    builder.maxConcurrency = maxConcurrency;
    builder.queueCapacity = queueCapacity;
    builder.executor = executor;
    builder.idleSpin = idleSpin;
    builder.queueBridge = queueBridge;
    builder.openTelemetry = openTelemetry;
    return builder;
  }

  /**
   * Where the service's queues keep their jobs; empty: the application's shared in-memory queue bridge (or, for a
   * service started on its own, one of the service's own).
   */
  public Optional<QueueBridge> queueBridge() {
    return Optional.ofNullable(queueBridge);
  }

  /**
   * Where the service's spans and metrics go; empty: {@link io.opentelemetry.api.GlobalOpenTelemetry}'s instance
   * when the service is created, which is a no-op until an application installs an SDK.
   */
  public Optional<OpenTelemetry> openTelemetry() {
    return Optional.ofNullable(openTelemetry);
  }

  /** Empty means: a new in-memory store per instance. */
  public Optional<StateStore> stateStore() {
    return Optional.ofNullable(stateStore);
  }

  public Optional<ConfigStore> configStore() {
    return Optional.ofNullable(configStore);
  }

  public Optional<SecretStore> secretStore() {
    return Optional.ofNullable(secretStore);
  }

  public Resources resources() {
    return resources;
  }

  /** Empty means: the first {@link PayloadValidator} found by {@link java.util.ServiceLoader}, else none. */
  public Optional<PayloadValidator> validator() {
    return Optional.ofNullable(validator);
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  /** An executor supplied by the application; the service does not shut it down. */
  public Optional<ExecutorService> executor() {
    return Optional.ofNullable(executor);
  }

  /** How long an idle handler thread busy-waits for the next call before it sleeps; zero: it sleeps at once. */
  public Duration idleSpin() {
    return idleSpin;
  }

  /** Builder of {@link ServiceOptions}. */
  public static final class Builder {
    private StateStore stateStore;
    private ConfigStore configStore;
    private SecretStore secretStore;
    private Resources resources = Resources.none();
    private PayloadValidator validator;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private ExecutorService executor;
    private Duration idleSpin = DEFAULT_IDLE_SPIN;
    private QueueBridge queueBridge;
    private OpenTelemetry openTelemetry;

    private Builder() {
    }

    /**
     * The OpenTelemetry instance for this service's spans and metrics, instead of the global one; tests pass an
     * SDK with in-memory exporters here.
     */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = value;
      return this;
    }

    /** Where the service's queues keep their jobs, such as a {@code RedisQueueBridge} shared by the processes. */
    public Builder queueBridge(QueueBridge value) {
      this.queueBridge = value;
      return this;
    }

    public Builder stateStore(StateStore value) {
      this.stateStore = value;
      return this;
    }

    public Builder configStore(ConfigStore value) {
      this.configStore = value;
      return this;
    }

    public Builder secretStore(SecretStore value) {
      this.secretStore = value;
      return this;
    }

    public Builder resources(Resources value) {
      this.resources = Checks.checkNotNull(value, "resources");
      return this;
    }

    public Builder validator(PayloadValidator value) {
      this.validator = value;
      return this;
    }

    public Builder maxConcurrency(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1: " + value);
      }
      this.maxConcurrency = value;
      return this;
    }

    public Builder queueCapacity(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("queueCapacity must not be negative: " + value);
      }
      this.queueCapacity = value;
      return this;
    }

    public Builder executor(ExecutorService value) {
      this.executor = value;
      return this;
    }

    /**
     * How long the service's hand-off thread stays awake after a handler, waiting for the next call, before it
     * sleeps (default {@link #DEFAULT_IDLE_SPIN}). A call that finds it awake starts without a thread wake-up,
     * which is most of the cost of an in-process call; the price is up to this much CPU after each handler, taken
     * only from spare cores. {@link Duration#ZERO} turns the hand-off thread off, for example on a machine whose
     * CPU is billed by use. It has no effect with an {@link #executor(ExecutorService) executor} of your own.
     */
    public Builder idleSpin(Duration value) {
      Checks.checkNotNull(value, "idleSpin");
      if (value.isNegative() || value.compareTo(Duration.ofMillis(10)) > 0) {
        throw new IllegalArgumentException("idleSpin must be between 0 and 10 ms: " + value);
      }
      this.idleSpin = value;
      return this;
    }

    public ServiceOptions build() {
      return new ServiceOptions(this);
    }
  }
}
