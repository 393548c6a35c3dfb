package dev.purista.core.queue;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.QueueBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue bridge chosen by PURISTA_QUEUE_BRIDGE: in memory by default, a clear error for an unknown kind. */
class EnvironmentQueuesTest {
  @Test
  void withoutTheVariableOrWithMemoryTheBridgeIsInMemory() {
    try (QueueBridge unset = EnvironmentQueues.from(Map.<String, String>of()::get).queueBridge();
        QueueBridge memory = EnvironmentQueues.from(Map.of("PURISTA_QUEUE_BRIDGE", "Memory")::get).queueBridge()) {
      assertInstanceOf(DefaultQueueBridge.class, unset);
      assertInstanceOf(DefaultQueueBridge.class, memory);
    }
  }

  @Test
  void aKindThatNoModuleProvidesFailsNamingTheVariableAndTheModules() {
    EnvironmentQueues queues = EnvironmentQueues.from(Map.of("PURISTA_QUEUE_BRIDGE", "Redis")::get);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, queues::queueBridge);

    assertTrue(refused.getMessage().startsWith("PURISTA_QUEUE_BRIDGE=redis: no such queue bridge"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("found: memory."), refused.getMessage());
    assertTrue(refused.getMessage().contains("purista-redis"), refused.getMessage());
    assertTrue(refused.getMessage().contains("purista-nats"), refused.getMessage());
  }
}
