package dev.purista.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.purista.core.ServiceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundValidatorTest {
  @Test
  void theValidatorFoundIsMadeReadyForTheFunctionsServicesAllAtOnce() {
    ServiceDefinition users = ServiceDefinition.builder("users", "1").build();
    ServiceDefinition orders = ServiceDefinition.builder("orders", "2").build();

    var found = BackgroundValidator.lookUp(List.of(users, orders)).await();

    assertEquals(List.of(users, orders), assertInstanceOf(ServicesRecordingValidator.class, found).services());
  }
}
