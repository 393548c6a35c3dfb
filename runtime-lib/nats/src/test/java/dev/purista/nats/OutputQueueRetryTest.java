package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputQueueRetryTest {
  @Test
  void aMessageTheClientRefusedForItsOutputQueueIsHandedOverAgain() {
    AtomicInteger attempts = new AtomicInteger();
    String sent = OutputQueueRetry.send(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw new IllegalStateException(attempts.get() == 1 ? "Output queue is full 0" : "Output queue is busy 0");
      }
      return "sent";
    });
    assertEquals("sent", sent);
    assertEquals(3, attempts.get());
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException closed = new IllegalStateException("Connection is Closed");
    assertSame(closed, assertThrows(IllegalStateException.class, () -> OutputQueueRetry.send(() -> {
      attempts.incrementAndGet();
      throw closed;
    })));
    assertEquals(1, attempts.get());
  }

  @Test
  void aQueueThatStaysFullFailsAfterTheLastAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(IllegalStateException.class, () -> OutputQueueRetry.send(() -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("Output queue is full 5000");
    }));
    assertEquals(OutputQueueRetry.MAX_ATTEMPTS, attempts.get());
  }
}
