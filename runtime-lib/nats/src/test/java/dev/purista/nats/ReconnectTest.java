package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The broker crashes (SIGKILL) and comes back on the same port and store. What was registered before is served
 * after, without the application doing anything; a call made while the broker is gone fails at once with 503
 * {@code BRIDGE_FAILURE}.
 */
class ReconnectTest {
  record Ping(String text) {
  }

  record Pong(String text) {
  }

  @Test
  void commandsAndSubscriptionsRegisteredBeforeTheDropAreServedAfterIt() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.start()) {
      NatsBridge serving = new NatsBridge(NatsTestSupport.fastConfig(server.url()).build());
      NatsBridge calling = new NatsBridge(NatsTestSupport.fastConfig(server.url()).build());
      serving.start();
      calling.start();
      List<Ping> durableSeen = new CopyOnWriteArrayList<>();
      List<Ping> plainSeen = new CopyOnWriteArrayList<>();
      Service service = ServiceDefinition.builder("reconnecting", "1")
          .command(CommandDefinition.builder("echo", Ping.class, Void.class, Pong.class)
              .handler((ctx, ping, ignored) -> new Pong("echo " + ping.text())).build())
          .subscription(SubscriptionDefinition.builder("durableSink", Ping.class, Void.class).event("pinged")
              .handler((ctx, ping) -> record(durableSeen, ping)).build())
          .subscription(SubscriptionDefinition.builder("plainSink", Ping.class, Void.class).event("pinged")
              .durable(false).handler((ctx, ping) -> record(plainSeen, ping)).build())
          .build().getInstance(serving);
      service.start();
      PuristaClient client = PuristaClient.of(calling, "caller");
      MessageAddress echo = MessageAddress.of("reconnecting", "1", "echo");
      assertEquals("echo before", client.invoke(echo, new Ping("before"), null, Pong.class).text());

      server.kill();
      Eventually.await(Duration.ofSeconds(5), "both bridges notice the drop",
          () -> !serving.isReady() && !calling.isReady());
      assertTrue(serving.isHealthy(), "a reconnecting bridge is healthy, only not ready");

      long start = System.nanoTime();
      HandledError refused = assertThrows(HandledError.class,
          () -> client.invoke(echo, new Ping("refused"), null, Pong.class, Duration.ofSeconds(10)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(FailureReason.BRIDGE_FAILURE, refused.reason());
      assertEquals(StatusCode.SERVICE_UNAVAILABLE, refused.status());
      assertTrue(millis < 3_000, "the call while disconnected failed after " + millis + " ms, not at once");

      server.restart();
      Eventually.await(Duration.ofSeconds(10), "both bridges reconnect", () -> serving.isReady() && calling.isReady());

      assertEquals("echo after", invokeOnceResubscribed(client, echo, "after").text());
      client.emit("pinged", new Ping("event after"));
      Eventually.await(Duration.ofSeconds(10), "both subscriptions get the event after the restart",
          () -> durableSeen.size() == 1 && plainSeen.size() == 1);
      assertEquals("event after", durableSeen.get(0).text());
      assertEquals("event after", plainSeen.get(0).text());

      service.stop(Duration.ofSeconds(5));
      serving.stop();
      calling.stop();
      assertFalse(serving.isReady());
    }
  }

  /** Right after a reconnect the server may not have seen the serving side's subscriptions yet. */
  private static Pong invokeOnceResubscribed(PuristaClient client, MessageAddress echo, String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return client.invoke(echo, new Ping(text), null, Pong.class, Duration.ofSeconds(5));
      } catch (HandledError e) {
        if (e.reason() != FailureReason.NO_HANDLERS || System.nanoTime() > deadline) {
          throw e;
        }
        Eventually.pause(Duration.ofMillis(50));
      }
    }
  }

  private static Void record(List<Ping> sink, Ping ping) {
    sink.add(ping);
    return null;
  }
}
