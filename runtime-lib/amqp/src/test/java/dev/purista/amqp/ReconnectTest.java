package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The broker drops the connections: what was registered before is served after, and no call hangs. */
class ReconnectTest extends BrokerTestSupport {

  record Text(String text) {
  }

  @Test
  void commandsAndSubscriptionsRegisteredBeforeTheDropAreServedAfterIt() {
    List<String> shared = new CopyOnWriteArrayList<>();
    List<String> everyInstance = new CopyOnWriteArrayList<>();
    AmqpBridge serverBridge = bridge(TestBroker.config(prefix).connectionName(prefix + "-server").build());
    Service service = ServiceDefinition.builder("echo", "1")
        .command(CommandDefinition.builder("say", Text.class, Void.class, Text.class)
            .handler((ctx, payload, parameter) -> new Text("echo " + payload.text())).build())
        .subscription(SubscriptionDefinition.builder("onSaid", Text.class, Void.class).event("said")
            .handler((ctx, payload) -> {
              shared.add(payload.text());
              return null;
            }).build())
        .subscription(SubscriptionDefinition.builder("onSaidHere", Text.class, Void.class).event("said")
            .everyInstance().durable(false)
            .handler((ctx, payload) -> {
              everyInstance.add(payload.text());
              return null;
            }).build())
        .build().getInstance(serverBridge);
    service.start();
    AmqpBridge clientBridge = bridge();
    PuristaClient client = PuristaClient.of(clientBridge, "caller");
    MessageAddress say = MessageAddress.of("echo", "1", "say");
    assertEquals("echo before", client.invoke(say, new Text("before"), null, Text.class, WAIT).text());

    int cut = TestBroker.cutConnections(prefix);

    assertEquals(2, cut, "both bridges' connections were cut");
    awaitTrue(() -> !serverBridge.isReady() || !clientBridge.isReady(), "the drop was noticed");
    assertTrue(serverBridge.isHealthy(), "reconnecting counts as healthy");
    awaitTrue(() -> serverBridge.isReady() && clientBridge.isReady(), "both bridges reconnected");
    assertEquals("echo after", client.invoke(say, new Text("after"), null, Text.class, WAIT).text());
    client.emit("said", new Text("after"));
    awaitTrue(() -> shared.contains("after") && everyInstance.contains("after"), "both subscriptions served");
    service.stop(Duration.ofSeconds(5));
  }

  @Test
  void aCallWhoseRequestWasLostEndsInATimeoutError() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AmqpBridge serverBridge = bridge(TestBroker.config(prefix).connectionName(prefix + "-server").build());
    Service service = ServiceDefinition.builder("slow", "1")
        .command(CommandDefinition.builder("work", Text.class, Void.class, Text.class)
            .handler((ctx, payload, parameter) -> {
              if (payload.text().equals("lost")) {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
              }
              return new Text("done " + payload.text());
            }).build())
        .build().getInstance(serverBridge);
    service.start();
    AmqpBridge clientBridge = bridge(TestBroker.config(prefix).connectionName("other-" + prefix).build());
    PuristaClient client = PuristaClient.of(clientBridge, "caller");
    MessageAddress work = MessageAddress.of("slow", "1", "work");
    // Long enough that the cut, which takes seconds on a loaded machine, surely lands before the deadline.
    Duration timeout = Duration.ofSeconds(15);

    long[] invokedAndEnded = new long[2];
    CompletableFuture<Text> call = CompletableFuture.supplyAsync(() -> {
      invokedAndEnded[0] = System.nanoTime();
      try {
        return client.invoke(work, new Text("lost"), null, Text.class, timeout);
      } finally {
        invokedAndEnded[1] = System.nanoTime();
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS), "the handler got the command");
    // Only the server's connection: its command queue (auto-delete, one consumer) goes with the command in it,
    // and its response cannot be sent while it is down.
    assertEquals(1, TestBroker.cutConnections(prefix + "-server"));
    awaitTrue(() -> !serverBridge.isReady(), "the server noticed the drop");
    release.countDown();
    assertTrue(System.nanoTime() - invokedAndEnded[0] < timeout.toNanos(), "the cut came before the deadline");

    HandledError error = assertThrows(HandledError.class, () -> {
      try {
        call.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause();
      }
    });
    // Measured inside the call: cutting the connection with rabbitmqctl can take seconds on a loaded machine.
    long millis = TimeUnit.NANOSECONDS.toMillis(invokedAndEnded[1] - invokedAndEnded[0]);
    assertEquals(FailureReason.TIMEOUT, error.reason(), error.getMessage());
    assertTrue(millis >= timeout.toMillis() - 50 && millis < timeout.toMillis() + 1_500,
        "ended at its deadline of " + timeout.toMillis() + " ms, after " + millis + " ms");
    awaitTrue(serverBridge::isReady, "the server reconnected");
    assertEquals("done again", client.invoke(work, new Text("again"), null, Text.class, WAIT).text());
    service.stop(Duration.ofSeconds(5));
  }

  @Test
  void aCallWhileTheConnectionIsDownFailsAtOnceWithABridgeFailure() {
    AmqpBridge clientBridge = bridge(TestBroker.config(prefix).connectionName(prefix + "-client")
        .reconnectDelay(Duration.ofSeconds(2)).build());
    PuristaClient client = PuristaClient.of(clientBridge, "caller");

    assertEquals(1, TestBroker.cutConnections(prefix + "-client"));
    awaitTrue(() -> !clientBridge.isReady(), "the drop was noticed");
    long start = System.nanoTime();
    HandledError error = assertThrows(HandledError.class, () -> client.invoke(MessageAddress.of("any", "1", "x"),
        new Text("x"), null, Text.class, Duration.ofSeconds(20)));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(FailureReason.BRIDGE_FAILURE, error.reason(), error.getMessage());
    assertTrue(millis < 1_000, "failed after " + millis + " ms");
    awaitTrue(clientBridge::isReady, "reconnected");
  }
}
