package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mosquitto keeps its state in memory and writes it to its persistence file only every {@code autosave_interval}
 * and at a clean shutdown, so a kill loses what it held at that moment: events it had acknowledged and not yet
 * delivered. That is the bound asserted here: no acknowledged event is lost unless it was in the broker's memory
 * (acknowledged, not yet handled) when the broker was killed. Events acknowledged after a restart, while the
 * subscriber was not yet back, are held back by the publishing bridge and must all arrive.
 */
class MosquittoCrashFaultTest extends BrokerCrashFaultTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.ownMosquitto(true);

  @Override
  BrokerProcess broker() {
    return MOSQUITTO.broker();
  }

  @Override
  int kills() {
    return 5;
  }

  @Override
  void assertLoss(Figures figures) {
    assertEquals(Set.of(), figures.lostOutsideRisk(),
        "acknowledged events lost that were not in the broker's memory at a kill");
  }
}
