package dev.purista.mqtt;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MQTT bridge passes the bridge contract against a real Mosquitto. Each {@link #newBridge()} is a bridge with
 * connections of its own, as another process on the same broker would have.
 */
class MqttBridgeContractTest extends EventBridgeContract {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();

  @Override
  protected EventBridge newBridge() {
    return MqttBridge.configure(config -> config
        .url(MOSQUITTO.url())
        .retryDelay(Duration.ofMillis(20))
        .stopTimeout(Duration.ofSeconds(5)));
  }
}
