package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each benchmark body once, outside JMH, so that a broken path fails the build instead of a long run. */
class VertxEventBusBenchmarkTest {
  private final VertxEventBusBenchmark benchmark = new VertxEventBusBenchmark();

  @ParameterizedTest(name = "validated={0}")
  @ValueSource(booleans = {false, true})
  void theBenchmarksAnswerThroughTheEventBus(boolean validated) throws Exception {
    VertxEventBusBenchmark.Running running = new VertxEventBusBenchmark.Running();
    running.validated = validated;
    running.start();
    try {
      InMemoryInvokeBenchmark.CallIds ids = new InMemoryInvokeBenchmark.CallIds();
      assertEquals(new GetUserResult("0", "n0"), benchmark.oneAtATime(running, ids));
      assertEquals(new GetUserResult("1", "n1"), benchmark.oneAtATime(running, ids));
      VertxEventBusBenchmark.requestInWindow(running, 1_000);
    } finally {
      running.stop();
    }
  }

  @Test
  void theValidationCheckRefusesAConsumerThatValidatesNothing() {
    try (VertxUserSystem unchecked = VertxUserSystem.start(false)) {
      IllegalStateException error = assertThrows(IllegalStateException.class,
          () -> VertxEventBusBenchmark.requireValidationOn(unchecked));

      assertEquals("a payload without id was accepted: validation is off", error.getMessage());
    }
  }
}
