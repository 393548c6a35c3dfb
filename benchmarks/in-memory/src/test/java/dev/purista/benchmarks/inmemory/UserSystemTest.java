package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserSystemTest {

  @ParameterizedTest(name = "jsonRoundTrip={0}")
  @ValueSource(booleans = {false, true})
  void aBlockingCallAnswersWithTheHandlersResult(boolean jsonRoundTrip) {
    try (UserSystem system = UserSystem.start(jsonRoundTrip)) {
      assertEquals(new GetUserResult("42", "n42"), system.getUser("42"));
    }
  }

  @ParameterizedTest(name = "jsonRoundTrip={0}")
  @ValueSource(booleans = {false, true})
  void anAsyncCallAnswersWithTheHandlersResult(boolean jsonRoundTrip) throws Exception {
    try (UserSystem system = UserSystem.start(jsonRoundTrip)) {
      assertEquals(new GetUserResult("7", "n7"), system.getUserAsync("7").get(10, TimeUnit.SECONDS));
    }
  }

  @ParameterizedTest(name = "jsonRoundTrip={0}")
  @ValueSource(booleans = {false, true})
  void validationIsOnSoAPayloadWithoutIdIsRefused(boolean jsonRoundTrip) {
    try (UserSystem system = UserSystem.start(jsonRoundTrip)) {
      HandledError error = assertThrows(HandledError.class, () -> system.getUser(new GetUserPayload(null)));

      assertEquals(StatusCode.BAD_REQUEST, error.status());
      assertEquals("Invalid payload: payload.id must not be null", error.getMessage());
    }
  }

  @ParameterizedTest(name = "jsonRoundTrip={0}")
  @ValueSource(booleans = {false, true})
  void anAsyncCallWithAnInvalidPayloadFailsWithTheCallerSideError(boolean jsonRoundTrip) {
    try (UserSystem system = UserSystem.start(jsonRoundTrip)) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> system.getUserAsync(null).get(10, TimeUnit.SECONDS));

      HandledError error = assertThrows(HandledError.class, () -> {
        throw failure.getCause();
      });
      assertEquals(StatusCode.BAD_REQUEST, error.status());
    }
  }
}
