package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ActiveMQ Artemis writes a durable message to its journal and syncs it to disk before it acknowledges it, and
 * keeps MQTT sessions and shared subscriptions there too. So a kill must lose nothing: every event whose
 * {@code emit} completed is handled, whether it was acknowledged before a kill, during the reconnect or after.
 */
class ArtemisCrashFaultTest extends BrokerCrashFaultTest {
  @RegisterExtension
  static final BrokerExtension ARTEMIS = BrokerExtension.ownArtemis();

  @Override
  BrokerProcess broker() {
    return ARTEMIS.broker();
  }

  @Override
  int kills() {
    return 5;
  }

  /** The renewal is for HiveMQ; on Artemis each one sends the messages in flight again (docs/bridges/mqtt.md). */
  @Override
  Map<String, String> subscriberEnvironment() {
    return Map.of("PURISTA_MQTT_SHARED_RENEWAL", "0s");
  }

  @Override
  void assertLoss(Figures figures) {
    assertEquals(Set.of(), figures.lost(), "acknowledged events lost");
  }
}
