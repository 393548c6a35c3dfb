package dev.purista.mqtt;

import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.EventBridgeProvider;
import java.util.function.Function;

/** Makes the Mqtt bridge when the environment asks for {@code mqtt} ({@code PURISTA_EVENT_BRIDGE=mqtt}). */
public final class MqttBridgeProvider implements EventBridgeProvider {
  /** For {@link java.util.ServiceLoader}. */
  public MqttBridgeProvider() {
  }

  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public EventBridge eventBridge(Function<String, String> environment) {
    return new MqttBridge(MqttBridgeConfig.fromEnvironment(environment));
  }
}
