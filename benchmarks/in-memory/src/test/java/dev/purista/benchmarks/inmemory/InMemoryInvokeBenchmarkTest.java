package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.purista.core.ServiceOptions;
import dev.purista.core.spi.PayloadValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each benchmark body once, outside JMH, so that a broken path fails the build instead of a long run. */
class InMemoryInvokeBenchmarkTest {
  private final InMemoryInvokeBenchmark benchmark = new InMemoryInvokeBenchmark();

  @Test
  void theDirectCallsAnswerLikeTheHandler() throws Exception {
    InMemoryInvokeBenchmark.Direct direct = new InMemoryInvokeBenchmark.Direct();
    InMemoryInvokeBenchmark.CallIds ids = new InMemoryInvokeBenchmark.CallIds();

    assertEquals(new GetUserResult("0", "n0"), benchmark.directCall(direct, ids));
    assertEquals(new GetUserResult("1", "n1"), benchmark.directCallValidated(direct, ids));
  }

  @ParameterizedTest(name = "jsonRoundTrip={0}")
  @ValueSource(booleans = {false, true})
  void theInvokeBenchmarksAnswerThroughTheBridge(boolean jsonRoundTrip) throws Exception {
    InMemoryInvokeBenchmark.Running running = new InMemoryInvokeBenchmark.Running();
    running.jsonRoundTrip = jsonRoundTrip;
    running.start();
    try {
      InMemoryInvokeBenchmark.CallIds ids = new InMemoryInvokeBenchmark.CallIds();
      assertEquals(new GetUserResult("0", "n0"), benchmark.invokeOneAtATime(running, ids));
      assertEquals(new GetUserResult("1", "n1"), benchmark.invoke64Callers(running, ids));
      InMemoryInvokeBenchmark.invokeInWindow(running, 1_000);
    } finally {
      running.stop();
    }
  }

  @Test
  void theValidationCheckRefusesAServiceThatValidatesNothing() {
    try (UserSystem unchecked = UserSystem.start(false,
        ServiceOptions.configure(options -> options.validator(PayloadValidator.NONE)))) {
      IllegalStateException error = assertThrows(IllegalStateException.class,
          () -> InMemoryInvokeBenchmark.requireValidationOn(unchecked));

      assertEquals("a payload without id was accepted: validation is off", error.getMessage());
    }
  }
}
