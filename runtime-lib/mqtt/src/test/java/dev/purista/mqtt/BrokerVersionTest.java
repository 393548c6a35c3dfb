package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.mqtt.internal.BrokerVersion;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge reads what the broker says about itself at start and warns for brokers known to lose acknowledged
 * events of shared durable subscriptions after a restart, naming the version that avoids it.
 */
class BrokerVersionTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();
  @RegisterExtension
  static final BrokerExtension HIVEMQ = BrokerExtension.sharedHiveMq();

  @Test
  void mosquittoBefore2012GetsAWarningThatNamesTheFixedVersion() {
    String warning = BrokerVersion.warningFor("mosquitto version 2.0.11").orElseThrow();

    assertTrue(warning.contains("mosquitto version 2.0.11"), warning);
    assertTrue(warning.contains("2.0.12 or later"), warning);
    assertTrue(BrokerVersion.warningFor("mosquitto version 2.0.0").isPresent());
  }

  @Test
  void laterMosquittoAndOtherBrokersGetNone() {
    assertEquals(Optional.empty(), BrokerVersion.warningFor("mosquitto version 2.0.12"));
    assertEquals(Optional.empty(), BrokerVersion.warningFor("mosquitto version 2.0.20"));
    assertEquals(Optional.empty(), BrokerVersion.warningFor("mosquitto version 2.1.0"));
    assertEquals(Optional.empty(), BrokerVersion.warningFor("VerneMQ 2.0.1"));
  }

  @Test
  void theBridgeReadsTheVersionMosquittoAnnounces() throws Exception {
    try (Fixture fixture = new Fixture(MOSQUITTO.broker())) {
      Optional<String> version = fixture.bridge().brokerVersion().get(10, TimeUnit.SECONDS);

      String announced = version.orElseThrow();
      assertTrue(announced.startsWith("mosquitto version "), announced);
      // The Mosquitto of this run: the warning is due exactly when its version is one known to lose events.
      assertEquals(announced.matches("mosquitto version 2\\.0\\.([0-9]|1[01])"),
          BrokerVersion.warningFor(announced).isPresent(), announced);
    }
  }

  @Test
  void aBrokerThatAnnouncesNothingGetsNoWarning() throws Exception {
    try (Fixture fixture = new Fixture(HIVEMQ.broker())) {
      MqttBridge bridge = fixture.bridge();

      assertEquals(Optional.empty(), bridge.brokerVersion().get(10, TimeUnit.SECONDS));
      assertTrue(bridge.isReady());
    }
  }
}
