package dev.purista.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** In-process delivery of a broker bridge that stopped accepting. */
class LocalCommandsTest {
  private static final MessageAddress GREET = MessageAddress.of("greeter", "1", "greet");
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static Message call() {
    return Message.builder(MessageType.COMMAND).sender(new MessageAddress("caller", "1", "x", "me"))
        .receiver(GREET).correlationId("c1").build();
  }

  @Test
  void callsGoOverTheBrokerUntilServingInProcessAndWhenNoEndpointIsHere() {
    LocalCommands local = new LocalCommands();
    local.add(new CommandSpec(GREET, null), command -> CompletableFuture.completedFuture(null), () -> { });

    assertNull(local.invoke(call(), WAIT, event -> CompletableFuture.completedFuture(null)));
    local.serveInProcess();
    local.serveInProcess();
    assertTrue(local.servesInProcess());
    Message elsewhere = call().toBuilder().receiver(MessageAddress.of("other", "1", "greet")).build();
    assertNull(local.invoke(elsewhere, WAIT, event -> CompletableFuture.completedFuture(null)));
  }

  @Test
  void aLocalEndpointAnswersAndItsSuccessEventIsPublished() throws Exception {
    LocalCommands local = new LocalCommands();
    AtomicBoolean brokerClosed = new AtomicBoolean();
    Registration registration = local.add(new CommandSpec(GREET, "greeted"), command -> CompletableFuture
        .completedFuture(Messages.successResponse(command, "hi", "greeted", command.receiver())),
        () -> brokerClosed.set(true));
    local.serveInProcess();
    List<Message> published = new ArrayList<>();

    Message answer = local.invoke(call(), WAIT, event -> {
      published.add(event);
      return CompletableFuture.completedFuture(null);
    }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals("hi", answer.payload());
    assertEquals("c1", answer.correlationId());
    assertEquals(List.of(answer), published);

    registration.close();
    assertTrue(brokerClosed.get(), "closing closes the broker registration too");
    assertNull(local.invoke(call(), WAIT, event -> CompletableFuture.completedFuture(null)),
        "a closed endpoint is forgotten");
  }

  @Test
  void aLocalCallThatIsNotAnsweredEndsInATimeoutErrorAtItsDeadline() {
    LocalCommands local = new LocalCommands();
    local.add(new CommandSpec(GREET, null), command -> new CompletableFuture<>(), () -> { });
    local.serveInProcess();

    CompletableFuture<Message> call = local.invoke(call(), Duration.ofMillis(50),
        event -> CompletableFuture.completedFuture(null));
    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    HandledError error = (HandledError) failure.getCause();
    assertSame(FailureReason.TIMEOUT, error.reason());
  }
}
