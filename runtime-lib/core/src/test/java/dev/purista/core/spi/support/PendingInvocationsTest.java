package dev.purista.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The table of pending calls: deadlines, and a sweep that rests while nothing is pending. */
class PendingInvocationsTest {
  private static final MessageAddress GREET = MessageAddress.of("greeter", "1", "greet");
  private static final AtomicInteger IDS = new AtomicInteger();

  private static Message call() {
    return Message.builder(MessageType.COMMAND).sender(new MessageAddress("caller", "1", "x", "me"))
        .receiver(GREET).correlationId("c" + IDS.incrementAndGet()).build();
  }

  @Test
  void aCallThatIsNotAnsweredFailsWithATimeout() {
    try (PendingInvocations pending = new PendingInvocations("test")) {
      CompletableFuture<Message> call = pending.register(call(), Duration.ofMillis(20));

      assertTimedOut(call);
      assertEquals(0, pending.size());
    }
  }

  @Test
  void theSweepRestsWhileNothingIsPendingAndStartsAgainWithTheNextCall() throws Exception {
    try (PendingInvocations pending = new PendingInvocations("test", Duration.ofMillis(50))) {
      assertFalse(pending.isSweeping(), "no sweep before the first call");

      Message first = call();
      CompletableFuture<Message> answered = pending.register(first, Duration.ofSeconds(30));
      assertTrue(pending.isSweeping());
      assertTrue(pending.complete(Message.builder(MessageType.COMMAND_SUCCESS_RESPONSE)
          .correlationId(first.correlationId()).build()));
      answered.get(5, TimeUnit.SECONDS);

      awaitTrue(() -> !pending.isSweeping(), "the sweep should rest once nothing is pending");

      assertTimedOut(pending.register(call(), Duration.ofMillis(20)));
    }
  }

  @Test
  void callsRegisteredJustAsTheSweepGoesToRestStillTimeOut() {
    // The sweep rests after a single empty pass, so calls keep arriving around the moment it stops.
    try (PendingInvocations pending = new PendingInvocations("test", PendingInvocations.SWEEP_INTERVAL)) {
      for (int i = 0; i < 200; i++) {
        assertTimedOut(pending.register(call(), Duration.ofMillis(1)));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(15_000_000));
      }
    }
  }

  @Test
  void closingFailsWhatIsPendingAndWhatIsRegisteredAfterwards() {
    PendingInvocations pending = new PendingInvocations("test", Duration.ofMillis(10));
    CompletableFuture<Message> open = pending.register(call(), Duration.ofSeconds(30));
    pending.close();

    assertFailed(FailureReason.BRIDGE_FAILURE, open);
    // Nothing would sweep a call registered now, so it must not wait for a deadline that never comes.
    assertFailed(FailureReason.BRIDGE_FAILURE, pending.register(call(), Duration.ofSeconds(30)));
    assertEquals(0, pending.size());
  }

  private static void assertTimedOut(CompletableFuture<Message> call) {
    assertFailed(FailureReason.TIMEOUT, call);
  }

  private static void assertFailed(FailureReason reason, CompletableFuture<Message> call) {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
    assertEquals(reason, assertInstanceOf(HandledError.class, failure.getCause()).reason());
  }

  private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, message);
      Thread.sleep(10);
    }
  }
}
