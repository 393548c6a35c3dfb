package dev.purista.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.purista.core.ServiceDefinition;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundValidatorTest {
  @Test
  void theValidatorFoundIsMadeReadyForTheFunctionsServicesAllAtOnce() {
    ServiceDefinition users = ServiceDefinition.builder("users", "1").build();
    ServiceDefinition orders = ServiceDefinition.builder("orders", "2").build();

    var found = BackgroundValidator.lookUp(List.of(users, orders)).await();

    assertEquals(List.of(users, orders), assertInstanceOf(ServicesRecordingValidator.class, found).services());
  }

  @Test
  void workAfterALookUpThatHasAlreadyFinishedRunsOffTheCallersThread() {
    BackgroundValidator validator = BackgroundValidator.lookUp(List.of());
    validator.await();
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    validator.then(() -> ranOn.set(Thread.currentThread())).join();

    assertNotSame(Thread.currentThread(), ranOn.get());
  }
}
