package dev.purista.core;

import dev.purista.core.internal.RuntimeFactory;
import dev.purista.core.spi.EventBridge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, named and versioned group of commands, subscriptions, queues and queue workers. It knows nothing about where it runs:
 * {@link #getInstance(EventBridge)} binds it to a bridge, and the bootstrap picks the bridge.
 *
 * <pre>{@code
 * ServiceDefinition USER_V1 = ServiceDefinition.builder("user", "1")
 *     .description("user management")
 *     .command(SIGN_UP)
 *     .subscription(AUDIT)
 *     .build();
 * Service user = USER_V1.getInstance(new DefaultEventBridge());
 * user.start();
 * }</pre>
 */
public final class ServiceDefinition {
  private final ServiceInfo info;
  private final List<CommandDefinition<?, ?, ?>> commands;
  private final List<SubscriptionDefinition<?, ?>> subscriptions;
  private final List<QueueDefinition<?>> queues;
  private final List<QueueWorkerDefinition<?>> queueWorkers;

  private ServiceDefinition(Builder builder) {
    this.info = new ServiceInfo(builder.name, builder.version, builder.description);
    this.commands = List.copyOf(builder.commands);
    this.subscriptions = List.copyOf(builder.subscriptions);
    this.queues = List.copyOf(builder.queues.values());
    this.queueWorkers = List.copyOf(builder.queueWorkers);
  }

  public static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(info.name(), info.version()).description(info.description());
    commands.forEach(builder::command);
    subscriptions.forEach(builder::subscription);
    queues.forEach(builder::queue);
    queueWorkers.forEach(builder::queueWorker);
    return builder;
  }

  public ServiceInfo info() {
    return info;
  }

  public String name() {
    return info.name();
  }

  public String version() {
    return info.version();
  }

  public List<CommandDefinition<?, ?, ?>> commands() {
    return commands;
  }

  public List<SubscriptionDefinition<?, ?>> subscriptions() {
    return subscriptions;
  }

  /** The queues this service enqueues to or works, those of its workers included. */
  public List<QueueDefinition<?>> queues() {
    return queues;
  }

  public List<QueueWorkerDefinition<?>> queueWorkers() {
    return queueWorkers;
  }

  /** An instance on {@code bridge} with in-memory stores and the validator found on the classpath. */
  public Service getInstance(EventBridge bridge) {
    return getInstance(bridge, ServiceOptions.defaults());
  }

  public Service getInstance(EventBridge bridge, ServiceOptions options) {
    return RuntimeFactory.service(this, Checks.checkNotNull(bridge, "bridge"), Checks.checkNotNull(options, "options"));
  }

  @Override
  public String toString() {
    return "ServiceDefinition[" + info.name() + " v" + info.version() + "]";
  }

  /** Builder of {@link ServiceDefinition}. */
  public static final class Builder {
    private final String name;
    private final String version;
    private String description = "";
    private final List<CommandDefinition<?, ?, ?>> commands = new ArrayList<>();
    private final List<SubscriptionDefinition<?, ?>> subscriptions = new ArrayList<>();
    private final Map<String, QueueDefinition<?>> queues = new LinkedHashMap<>();
    private final List<QueueWorkerDefinition<?>> queueWorkers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder(String name, String version) {
      this.name = Checks.checkName(name, "service name");
      this.version = Checks.checkVersion(version);
    }

    public Builder description(String value) {
      this.description = Checks.checkNotNull(value, "description");
      return this;
    }

    public Builder command(CommandDefinition<?, ?, ?> command) {
      Checks.checkNotNull(command, "command");
      checkUnique(command.name());
      commands.add(command);
      return this;
    }

    public Builder subscription(SubscriptionDefinition<?, ?> subscription) {
      Checks.checkNotNull(subscription, "subscription");
      checkUnique(subscription.name());
      subscriptions.add(subscription);
      return this;
    }

    /** Declares a queue this service enqueues jobs to; {@link #queueWorker} declares its worker's queue itself. */
    public Builder queue(QueueDefinition<?> queue) {
      Checks.checkNotNull(queue, "queue");
      QueueDefinition<?> known = queues.putIfAbsent(queue.name(), queue);
      if (known != null && known != queue) {
        throw new IllegalArgumentException("service " + name + " v" + version + " already declares another queue "
            + "named '" + queue.name() + "'");
      }
      return this;
    }

    public Builder queueWorker(QueueWorkerDefinition<?> worker) {
      Checks.checkNotNull(worker, "worker");
      checkUnique(worker.name());
      queue(worker.queue());
      queueWorkers.add(worker);
      return this;
    }

    private void checkUnique(String functionName) {
      if (!names.add(functionName)) {
        throw new IllegalArgumentException("service " + name + " v" + version + " already has a command, "
            + "subscription or queue worker named '" + functionName + "'");
      }
    }

    public ServiceDefinition build() {
      return new ServiceDefinition(this);
    }
  }
}
