package dev.purista.nats;

import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.EventBridgeProvider;
import java.util.function.Function;

/** Makes the Nats bridge when the environment asks for {@code nats} ({@code PURISTA_EVENT_BRIDGE=nats}). */
public final class NatsBridgeProvider implements EventBridgeProvider {
  /** For {@link java.util.ServiceLoader}. */
  public NatsBridgeProvider() {
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public EventBridge eventBridge(Function<String, String> environment) {
    return new NatsBridge(NatsBridgeConfig.fromEnvironment(environment));
  }
}
