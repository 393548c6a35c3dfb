package dev.purista.mqtt;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MQTT bridge passes the bridge contract against a real ActiveMQ Artemis, as it does against Mosquitto, with one
 * difference, which is Artemis's (docs/bridges/mqtt.md, The broker): a call to a command nobody serves ends at its
 * deadline, since Artemis never answers "no matching subscribers". The bridge's default event expiry (24 days) is
 * used on purpose: Artemis 2.40 drops, after acknowledging them, events that live longer than 2,147,483 s. The
 * renewal of shared subscriptions is off, as the docs tell Artemis users: there it sends messages in flight again.
 */
class ArtemisBridgeContractTest extends EventBridgeContract {
  @RegisterExtension
  static final BrokerExtension ARTEMIS = BrokerExtension.sharedArtemis();

  @Override
  protected EventBridge newBridge() {
    return MqttBridge.configure(config -> config
        .url(ARTEMIS.url())
        .sharedRenewal(Duration.ZERO)
        .retryDelay(Duration.ofMillis(20))
        .stopTimeout(Duration.ofSeconds(5)));
  }

  @Override
  protected boolean failsFastWithoutHandlers() {
    return false;
  }
}
