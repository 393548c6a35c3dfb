package dev.purista.core.queue;

import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueBridgeProvider;
import dev.purista.core.spi.support.EnvironmentSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The queue bridge a deployment chooses with {@code PURISTA_QUEUE_BRIDGE}, so that the same bootstrap keeps its
 * jobs in memory on a laptop and in Redis or NATS in production: {@code memory} (the default) or a kind a module
 * on the class or module path provides through a {@link QueueBridgeProvider}, such as {@code redis}
 * (purista-redis) or {@code nats} (purista-nats). The provided kinds read their connection settings from their
 * own variables ({@code PURISTA_REDIS_URL}, ...).
 *
 * <p>A value that names no kind found fails with a message that lists the kinds found and the modules that provide
 * the others: a bridge that silently fell back to memory would lose every waiting job at the next restart.
 */
public final class EnvironmentQueues {
  /** The in-memory bridge's name, the default. */
  public static final String MEMORY = "memory";
  private static final String VARIABLE = "QUEUE_BRIDGE";
  /** Kinds the project provides in its own modules, for the message when one is missing. */
  private static final List<String> KNOWN_MODULES = List.of("redis (purista-redis)", "nats (purista-nats)");

  private final Function<String, String> environment;
  private final EnvironmentSettings settings;

  private EnvironmentQueues(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
    this.settings = new EnvironmentSettings("PURISTA_", environment);
  }

  /** The queue bridge this process's environment asks for. */
  public static EnvironmentQueues fromEnvironment() {
    return new EnvironmentQueues(System::getenv);
  }

  /** The queue bridge {@code environment} asks for, such as a map's {@code get} in a test. */
  public static EnvironmentQueues from(Function<String, String> environment) {
    return new EnvironmentQueues(environment);
  }

  /** A new queue bridge of the kind {@code PURISTA_QUEUE_BRIDGE} names; the caller closes it. */
  public QueueBridge queueBridge() {
    String kind = settings.value(VARIABLE).map(value -> value.toLowerCase(Locale.ROOT)).orElse(MEMORY);
    if (kind.equals(MEMORY)) {
      return new DefaultQueueBridge();
    }
    List<String> found = new ArrayList<>(List.of(MEMORY));
    for (QueueBridgeProvider provider : ServiceLoader.load(QueueBridgeProvider.class)) {
      if (provider.name().equals(kind)) {
        return provider.queueBridge(environment);
      }
      found.add(provider.name());
    }
    throw new IllegalArgumentException(settings.name(VARIABLE) + "=" + kind + ": no such queue bridge on the class "
        + "path; found: " + String.join(", ", found) + ". Add the module that provides it: "
        + String.join(", ", KNOWN_MODULES));
  }
}
