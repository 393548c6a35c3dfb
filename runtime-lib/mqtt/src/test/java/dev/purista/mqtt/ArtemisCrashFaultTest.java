package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  @Override
  void assertLoss(Figures figures) {
    assertEquals(Set.of(), figures.lost(), "acknowledged events lost");
  }
}
