package dev.purista.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.message.Message;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.support.ForwardingEventBridge;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which bridges the gateway guards with a timer of its own, and what the guard does. */
class CommandCallTest {
  /** A bridge that takes every command and answers none, and does not promise to time calls out. */
  private static final class SilentBridge extends ForwardingEventBridge {
    SilentBridge() {
      super(new DefaultEventBridge());
    }

    @Override
    public boolean timesOutEveryCall() {
      return false;
    }

    @Override
    public CompletableFuture<Message> invoke(Message command, Duration timeout) {
      return new CompletableFuture<>();
    }
  }

  @Test
  void theInMemoryBridgeIsNotGuardedAlsoWhenWrapped() {
    assertFalse(new CommandCall(new DefaultEventBridge(), null).guarded());
    assertFalse(new CommandCall(new ForwardingEventBridge(new DefaultEventBridge()), null).guarded(),
        "a wrapper passes on that its bridge times out every call");
  }

  @Test
  void aCallOverABridgeThatNeverAnswersEndsAsATimeout() throws Exception {
    CommandCall call = new CommandCall(new SilentBridge(), null);
    assertTrue(call.guarded());
    CommandDefinition<Void, Void, Void> command = CommandDefinition.builder("slow", Void.class, Void.class, Void.class)
        .http(HttpMethod.GET, "slow", HttpAccess.PUBLIC).handler((context, payload, parameter) -> null).build();
    Route route = RouteTable.of("/api", List.of(ServiceDefinition.builder("user", "1").command(command).build()))
        .match("GET", List.of("api", "v1", "slow")).route();

    CompletableFuture<Object> answer = call.invoke(route, null, null, "trace-1", null, null, Duration.ofMillis(50));

    // The bridge's own timeout (50 ms) plus the guard's grace; without a guard it would never complete.
    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> answer.get(10, TimeUnit.SECONDS));
    HandledError error = assertInstanceOf(HandledError.class, failure.getCause());
    assertEquals(FailureReason.TIMEOUT, error.reason());
  }
}
