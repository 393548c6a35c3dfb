package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * On a NATS server without JetStream, commands and non-durable subscriptions work; a durable subscription is
 * refused with a message that says what to do, unless the fallback to at-most-once is switched on.
 */
class WithoutJetStreamTest {
  record Note(String text) {
  }

  @Test
  void durableSubscriptionsAreRefusedUnlessTheFallbackIsAllowed() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.startWithoutJetStream()) {
      NatsBridge strict = new NatsBridge(NatsTestSupport.fastConfig(server.url()).build());
      strict.start();
      try {
        Service durable = ServiceDefinition.builder("plain", "1").subscription(sink("strictSink", null)).build()
            .getInstance(strict);
        IllegalStateException refused = assertThrows(IllegalStateException.class, durable::start);
        assertTrue(refused.getMessage().contains("no JetStream"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PURISTA_NATS_DURABLE_FALLBACK"), refused.getMessage());
      } finally {
        strict.stop();
      }

      NatsBridge lenient = new NatsBridge(NatsTestSupport.fastConfig(server.url()).durableFallback(true).build());
      lenient.start();
      List<Note> seen = new CopyOnWriteArrayList<>();
      Service service = ServiceDefinition.builder("plain", "1")
          .command(CommandDefinition.builder("echo", Note.class, Void.class, Note.class)
              .handler((ctx, note, ignored) -> note).build())
          .subscription(sink("lenientSink", seen))
          .build().getInstance(lenient);
      service.start();
      try {
        PuristaClient client = PuristaClient.of(lenient, "caller");
        assertEquals("hi", client.invoke(MessageAddress.of("plain", "1", "echo"), new Note("hi"), null, Note.class,
            Duration.ofSeconds(5)).text());
        client.emit("noted", new Note("event"));
        Eventually.await(Duration.ofSeconds(5), "the subscription runs at most once", () -> seen.size() == 1);
      } finally {
        service.stop(Duration.ofSeconds(5));
        lenient.stop();
      }
    }
  }

  private static SubscriptionDefinition<Note, Void> sink(String name, List<Note> seen) {
    return SubscriptionDefinition.builder(name, Note.class, Void.class).event("noted")
        .handler((ctx, note) -> {
          seen.add(note);
          return null;
        }).build();
  }
}
