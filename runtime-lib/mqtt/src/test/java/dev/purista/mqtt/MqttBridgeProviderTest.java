package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.bridge.EnvironmentBridges;
import dev.purista.core.spi.EventBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PURISTA_EVENT_BRIDGE=mqtt finds this module's bridge through the service loader and configures it from the same
 * environment, so that a bootstrap needs no code per broker. Nothing connects: the bridge is not started.
 */
class MqttBridgeProviderTest {
  @Test
  void theEnvironmentSelectsAndConfiguresTheBridge() {
    Map<String, String> environment = Map.of("PURISTA_EVENT_BRIDGE", "mqtt", "PURISTA_MQTT_HOST", "broker.example.org");

    EventBridge bridge = EnvironmentBridges.from(environment::get).eventBridge("memory");

    MqttBridge configured = assertInstanceOf(MqttBridge.class, bridge);
    assertEquals("broker.example.org", configured.config().host());
  }

  @Test
  void aWrongSettingFailsNamingTheVariable() {
    Map<String, String> environment = Map.of("PURISTA_MQTT_COMMAND_TIMEOUT", "3600");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentBridges.from(environment::get).eventBridge("mqtt"));

    assertTrue(refused.getMessage().contains("PURISTA_MQTT_COMMAND_TIMEOUT"), refused.getMessage());
  }
}
