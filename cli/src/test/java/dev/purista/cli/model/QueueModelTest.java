package dev.purista.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.core.QueueDefinition;
import org.junit.jupiter.api.Test;

class QueueModelTest {
  @Test
  void theDefaultAttemptsTheCliStatesAreTheRuntimes() {
    QueueDefinition<Object> runtimeDefault = QueueDefinition.builder("q", Object.class).build();
    assertEquals(runtimeDefault.maxAttempts(), QueueModel.RUNTIME_DEFAULT_MAX_ATTEMPTS);
  }
}
