package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VertxUserSystemTest {

  @ParameterizedTest(name = "validated={0}")
  @ValueSource(booleans = {false, true})
  void aBlockingCallAnswersWithTheHandlersResult(boolean validated) {
    try (VertxUserSystem system = VertxUserSystem.start(validated)) {
      assertEquals(new GetUserResult("42", "n42"), system.getUser("42"));
    }
  }

  @ParameterizedTest(name = "validated={0}")
  @ValueSource(booleans = {false, true})
  void anAsyncCallAnswersWithTheHandlersResult(boolean validated) throws Exception {
    try (VertxUserSystem system = VertxUserSystem.start(validated)) {
      assertEquals(new GetUserResult("7", "n7"), system.getUserAsync("7").get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void theLocalCodecPassesTheObjectItselfAndNeverWritesIt() {
    GetUserPayload payload = new GetUserPayload("1");
    VertxUserSystem.LocalCodec<GetUserPayload> codec = new VertxUserSystem.LocalCodec<>(GetUserPayload.class);

    assertSame(payload, codec.transform(payload));
    assertEquals(-1, codec.systemCodecID());
    assertThrows(UnsupportedOperationException.class, () -> codec.encodeToWire(null, payload));
  }

  @Test
  void withValidationAPayloadWithoutIdIsRefusedWith400() {
    try (VertxUserSystem system = VertxUserSystem.start(true)) {
      ReplyException error = assertThrows(ReplyException.class, () -> system.getUser(new GetUserPayload(null)));

      assertEquals(ReplyFailure.RECIPIENT_FAILURE, error.failureType());
      assertEquals(400, error.failureCode());
      assertEquals("Invalid payload: [Violation[path=id, message=must not be null]]", error.getMessage());
    }
  }

  @Test
  void withoutValidationAPayloadWithoutIdIsAnswered() {
    try (VertxUserSystem system = VertxUserSystem.start(false)) {
      assertEquals(new GetUserResult(null, "nnull"), system.getUser(new GetUserPayload(null)));
    }
  }
}
