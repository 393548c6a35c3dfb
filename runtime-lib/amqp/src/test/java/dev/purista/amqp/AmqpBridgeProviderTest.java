package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.bridge.EnvironmentBridges;
import dev.purista.core.spi.EventBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PURISTA_EVENT_BRIDGE=amqp finds this module's bridge through the service loader and configures it from the same
 * environment, so that a bootstrap needs no code per broker. Nothing connects: the bridge is not started.
 */
class AmqpBridgeProviderTest {
  @Test
  void theEnvironmentSelectsAndConfiguresTheBridge() {
    Map<String, String> environment = Map.of("PURISTA_EVENT_BRIDGE", "amqp", "PURISTA_AMQP_EXCHANGE", "orders");

    EventBridge bridge = EnvironmentBridges.from(environment::get).eventBridge("memory");

    AmqpBridge configured = assertInstanceOf(AmqpBridge.class, bridge);
    assertEquals("orders", configured.config().exchange());
  }

  @Test
  void aWrongSettingFailsNamingTheVariable() {
    Map<String, String> environment = Map.of("PURISTA_AMQP_COMMAND_TIMEOUT", "3600");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentBridges.from(environment::get).eventBridge("amqp"));

    assertTrue(refused.getMessage().contains("PURISTA_AMQP_COMMAND_TIMEOUT"), refused.getMessage());
  }
}
