package dev.purista.mqtt;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MQTT bridge passes the bridge contract against a real ActiveMQ Artemis, as it does against Mosquitto, with two
 * differences that are Artemis's (docs/bridges/mqtt.md, The broker): events must expire within 24.8 days, and a
 * call to a command nobody serves ends at its deadline, since Artemis never answers "no matching subscribers".
 */
class ArtemisBridgeContractTest extends EventBridgeContract {
  /**
   * Artemis 2.40 multiplies an MQTT message expiry interval in seconds by 1000 in 32 bits, so an event that lives
   * longer than 2,147,483 s is expired on arrival, after its publisher got a PUBACK. A day is well below.
   */
  static final Duration EVENT_EXPIRY = Duration.ofDays(1);

  @RegisterExtension
  static final BrokerExtension ARTEMIS = BrokerExtension.sharedArtemis();

  @Override
  protected EventBridge newBridge() {
    return MqttBridge.configure(config -> config
        .url(ARTEMIS.url())
        .eventExpiry(EVENT_EXPIRY)
        .retryDelay(Duration.ofMillis(20))
        .stopTimeout(Duration.ofSeconds(5)));
  }

  @Override
  protected boolean failsFastWithoutHandlers() {
    return false;
  }
}
