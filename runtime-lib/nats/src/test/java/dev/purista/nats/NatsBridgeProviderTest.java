package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.bridge.EnvironmentBridges;
import dev.purista.core.spi.EventBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PURISTA_EVENT_BRIDGE=nats finds this module's bridge through the service loader and configures it from the same
 * environment, so that a bootstrap needs no code per broker. Nothing connects: the bridge is not started.
 */
class NatsBridgeProviderTest {
  @Test
  void theEnvironmentSelectsAndConfiguresTheBridge() {
    Map<String, String> environment = Map.of("PURISTA_EVENT_BRIDGE", "nats", "PURISTA_NATS_SUBJECT_PREFIX", "orders");

    EventBridge bridge = EnvironmentBridges.from(environment::get).eventBridge("memory");

    NatsBridge configured = assertInstanceOf(NatsBridge.class, bridge);
    assertEquals("orders", configured.config().subjectPrefix());
  }

  @Test
  void aWrongSettingFailsNamingTheVariable() {
    Map<String, String> environment = Map.of("PURISTA_NATS_COMMAND_TIMEOUT", "3600");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentBridges.from(environment::get).eventBridge("nats"));

    assertTrue(refused.getMessage().contains("PURISTA_NATS_COMMAND_TIMEOUT"), refused.getMessage());
  }
}
