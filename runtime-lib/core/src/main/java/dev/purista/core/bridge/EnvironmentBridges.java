package dev.purista.core.bridge;

import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.EventBridgeProvider;
import dev.purista.core.spi.support.EnvironmentSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The event bridge a deployment chooses with {@code PURISTA_EVENT_BRIDGE}, so that one bootstrap runs on RabbitMQ
 * in one environment and on NATS in another without a rebuild: {@code memory} ({@link DefaultEventBridge}) or a
 * kind that a module on the class or module path provides through an {@link EventBridgeProvider}: {@code amqp}
 * (purista-amqp), {@code nats} (purista-nats) or {@code mqtt} (purista-mqtt). The broker kinds read their
 * connection settings from their own variables ({@code PURISTA_AMQP_URL}, ...).
 *
 * <pre>{@code
 * Application.builder(EnvironmentBridges.fromEnvironment().eventBridge("amqp"))   // amqp unless the variable says
 * }</pre>
 *
 * <p>The default kind is the bootstrap's, not this class's: a microservice bootstrap defaults to its broker, an
 * edge bootstrap to MQTT. A value that names no kind found fails with a message that lists the kinds found and the
 * modules that provide the others. Falling back to memory instead would start a "microservice" that silently
 * talks to nobody. A deployment artifact carries only the bridges its target allows, so asking for another one
 * fails the same way.
 */
public final class EnvironmentBridges {
  /** The in-memory bridge's name. */
  public static final String MEMORY = "memory";
  private static final String VARIABLE = "EVENT_BRIDGE";
  /** Kinds the project provides in its own modules, for the message when one is missing. */
  private static final List<String> KNOWN_MODULES =
      List.of("amqp (purista-amqp)", "nats (purista-nats)", "mqtt (purista-mqtt)");

  private final Function<String, String> environment;
  private final EnvironmentSettings settings;

  private EnvironmentBridges(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
    this.settings = new EnvironmentSettings("PURISTA_", environment);
  }

  /** The event bridge this process's environment asks for. */
  public static EnvironmentBridges fromEnvironment() {
    return new EnvironmentBridges(System::getenv);
  }

  /** The event bridge {@code environment} asks for, such as a map's {@code get} in a test. */
  public static EnvironmentBridges from(Function<String, String> environment) {
    return new EnvironmentBridges(environment);
  }

  /** The kind {@code PURISTA_EVENT_BRIDGE} names, in lower case, or {@code defaultKind} when it is unset. */
  public String kind(String defaultKind) {
    Objects.requireNonNull(defaultKind, "defaultKind == null");
    return settings.value(VARIABLE).orElse(defaultKind).toLowerCase(Locale.ROOT);
  }

  /**
   * A new, unstarted event bridge of the kind {@code PURISTA_EVENT_BRIDGE} names, or of {@code defaultKind} when
   * the variable is unset; the application that is given it starts and closes it.
   */
  public EventBridge eventBridge(String defaultKind) {
    String kind = kind(defaultKind);
    if (kind.equals(MEMORY)) {
      return new DefaultEventBridge();
    }
    List<String> found = new ArrayList<>(List.of(MEMORY));
    for (EventBridgeProvider provider : ServiceLoader.load(EventBridgeProvider.class)) {
      if (provider.name().equals(kind)) {
        return provider.eventBridge(environment);
      }
      found.add(provider.name());
    }
    String asked = settings.value(VARIABLE).isPresent() ? settings.name(VARIABLE) + "=" + kind
        : "the default event bridge " + kind + " (" + settings.name(VARIABLE) + " is unset)";
    throw new IllegalArgumentException(asked + ": no such event bridge on the class path; found: "
        + String.join(", ", found) + ". Add the module that provides it: " + String.join(", ", KNOWN_MODULES));
  }
}
