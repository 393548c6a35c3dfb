package dev.purista.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event bridge chosen by PURISTA_EVENT_BRIDGE: the bootstrap's default when unset, the variable's kind
 * otherwise, and a clear error for a kind no module on the class path provides (core alone provides none).
 */
class EnvironmentBridgesTest {
  @Test
  void theVariableOverridesTheBootstrapsDefaultInAnyCase() {
    EnvironmentBridges bridges = EnvironmentBridges.from(Map.of("PURISTA_EVENT_BRIDGE", " Memory ")::get);

    assertEquals("memory", bridges.kind("amqp"));
    assertInstanceOf(DefaultEventBridge.class, bridges.eventBridge("amqp"));
  }

  @Test
  void withoutTheVariableTheDefaultKindIsUsed() {
    EnvironmentBridges bridges = EnvironmentBridges.from(Map.<String, String>of()::get);

    assertEquals("nats", bridges.kind("nats"));
    assertInstanceOf(DefaultEventBridge.class, bridges.eventBridge("memory"));
  }

  @Test
  void aKindThatNoModuleProvidesFailsNamingTheVariableAndTheModules() {
    EnvironmentBridges bridges = EnvironmentBridges.from(Map.of("PURISTA_EVENT_BRIDGE", "AMQP")::get);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> bridges.eventBridge("memory"));

    assertTrue(refused.getMessage().startsWith("PURISTA_EVENT_BRIDGE=amqp: no such event bridge"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("found: memory."), refused.getMessage());
    assertTrue(refused.getMessage().contains("purista-amqp"), refused.getMessage());
    assertTrue(refused.getMessage().contains("purista-mqtt"), refused.getMessage());
  }

  @Test
  void aMissingDefaultKindSaysThatTheVariableIsUnset() {
    EnvironmentBridges bridges = EnvironmentBridges.from(Map.<String, String>of()::get);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> bridges.eventBridge("mqtt"));

    assertTrue(refused.getMessage().startsWith(
        "the default event bridge mqtt (PURISTA_EVENT_BRIDGE is unset): no such event bridge"), refused.getMessage());
  }
}
