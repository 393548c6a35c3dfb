package dev.purista.amqp;

import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.EventBridgeProvider;
import java.util.function.Function;

/** Makes the Amqp bridge when the environment asks for {@code amqp} ({@code PURISTA_EVENT_BRIDGE=amqp}). */
public final class AmqpBridgeProvider implements EventBridgeProvider {
  /** For {@link java.util.ServiceLoader}. */
  public AmqpBridgeProvider() {
  }

  @Override
  public String name() {
    return "amqp";
  }

  @Override
  public EventBridge eventBridge(Function<String, String> environment) {
    return new AmqpBridge(AmqpBridgeConfig.fromEnvironment(environment));
  }
}
