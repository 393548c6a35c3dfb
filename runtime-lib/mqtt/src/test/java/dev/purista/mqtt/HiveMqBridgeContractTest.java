package dev.purista.mqtt;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MQTT bridge passes the bridge contract against a real HiveMQ CE, as it does against Mosquitto. */
class HiveMqBridgeContractTest extends EventBridgeContract {
  @RegisterExtension
  static final BrokerExtension HIVEMQ = BrokerExtension.sharedHiveMq();

  @Override
  protected EventBridge newBridge() {
    return MqttBridge.configure(config -> config
        .url(HIVEMQ.url())
        .retryDelay(Duration.ofMillis(20))
        .stopTimeout(Duration.ofSeconds(5)));
  }
}
