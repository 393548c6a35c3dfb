package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Durable subscriptions: acknowledged after success, redelivered on failure within a bound, then dead-lettered. */
class DurableSubscriptionTest extends BrokerTestSupport {

  private SubscriptionSpec durable(String name, String event) {
    return new SubscriptionSpec(MessageAddress.of("ledger", "1", name), SubscriptionFilter.forEvent(event), true,
        true);
  }

  @Test
  void aMessageThatKeepsFailingIsRetriedUpToTheBoundThenDeadLettered() throws IOException,
      MalformedMessageException {
    AmqpBridge bridge = bridge(TestBroker.config(prefix).maxAttempts(3).build());
    AtomicInteger attempts = new AtomicInteger();
    bridge.registerSubscription(durable("onBooked", "booked"), message -> {
      attempts.incrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("ledger closed"));
    });
    Message sent = event("booked", Map.of("amount", 42));

    bridge.emit(sent).join();

    GetResponse dead = takeOne(prefix + ".dead-letter");
    assertEquals(sent.id(), new MessageCodec().decode(dead.getBody()).id(), "the failed event itself");
    assertEquals(3, attempts.get(), "first delivery plus two retries");
    assertEquals("2", header(dead, "x-purista-retries"));
    assertEquals(prefix + ".sub.ledger.1.onBooked", header(dead, "x-purista-dead-letter-queue"));
    assertTrue(header(dead, "x-purista-dead-letter-reason").contains("ledger closed"),
        header(dead, "x-purista-dead-letter-reason"));
    sleep(Duration.ofMillis(300));
    assertEquals(3, attempts.get(), "no delivery after dead-lettering");
    assertEquals(0, depth(prefix + ".sub.ledger.1.onBooked"), "nothing left in the subscription queue");
  }

  @Test
  void aMessageThatFailsFewerTimesThanTheBoundIsHandledAndNotDeadLettered() throws IOException {
    AmqpBridge bridge = bridge(TestBroker.config(prefix).maxAttempts(4).build());
    AtomicInteger attempts = new AtomicInteger();
    List<Object> handled = new CopyOnWriteArrayList<>();
    bridge.registerSubscription(durable("onFlaky", "flaky"), message -> {
      if (attempts.incrementAndGet() <= 2) {
        return CompletableFuture.failedFuture(new IllegalStateException("not yet"));
      }
      handled.add(message.payload());
      return CompletableFuture.completedFuture(null);
    });

    bridge.emit(event("flaky", "third time lucky")).join();

    awaitTrue(() -> handled.size() == 1, "handled on the third attempt");
    assertEquals("third time lucky", handled.get(0));
    sleep(Duration.ofMillis(300));
    assertEquals(3, attempts.get());
    assertEquals(0, depth(prefix + ".dead-letter"), "not dead-lettered");
    assertEquals(0, depth(prefix + ".sub.ledger.1.onFlaky"), "acknowledged");
  }

  @Test
  void aDurableSubscriptionKeepsEventsWhileNoInstanceRuns() {
    AmqpBridge publisher = bridge();
    AmqpBridge first = bridge();
    Registration registration = first.registerSubscription(durable("onStored", "stored"),
        message -> CompletableFuture.completedFuture(null));
    registration.close();

    for (int i = 0; i < 3; i++) {
      publisher.emit(event("stored", "while-away-" + i)).join();
    }
    List<Object> received = new CopyOnWriteArrayList<>();
    bridge().registerSubscription(durable("onStored", "stored"), message -> {
      received.add(message.payload());
      return CompletableFuture.completedFuture(null);
    });

    awaitTrue(() -> received.size() == 3, "the events published while nobody consumed");
    assertEquals(List.of("while-away-0", "while-away-1", "while-away-2"), received);
  }

  @Test
  void aNonDurableSubscriptionIsNotRetried() throws IOException {
    AmqpBridge bridge = bridge(TestBroker.config(prefix).maxAttempts(4).build());
    AtomicInteger attempts = new AtomicInteger();
    List<Object> later = new CopyOnWriteArrayList<>();
    SubscriptionSpec spec = new SubscriptionSpec(MessageAddress.of("ledger", "1", "onGone"),
        SubscriptionFilter.forEvent("gone"), true, false);
    bridge.registerSubscription(spec, message -> {
      if (attempts.incrementAndGet() == 1) {
        return CompletableFuture.failedFuture(new IllegalStateException("dropped"));
      }
      later.add(message.payload());
      return CompletableFuture.completedFuture(null);
    });

    bridge.emit(event("gone", "first")).join();
    bridge.emit(event("gone", "second")).join();

    awaitTrue(() -> later.size() == 1, "the second event");
    sleep(Duration.ofMillis(300));
    assertEquals(List.of("second"), later, "the failed first event was not delivered again");
    assertEquals(2, attempts.get());
    assertEquals(0, depth(prefix + ".dead-letter"));
  }

  @Test
  void deadLetteredMessagesKeepTheirRoutingHeaders() throws IOException {
    AmqpBridge bridge = bridge(TestBroker.config(prefix).maxAttempts(1).build());
    bridge.registerSubscription(durable("onAudit", "audited"),
        message -> CompletableFuture.failedFuture(new IllegalStateException("no")));

    bridge.emit(event("audited", 1).toBuilder().tenantId("tenant-7").build()).join();

    GetResponse dead = takeOne(prefix + ".dead-letter");
    assertNotNull(dead);
    assertEquals("audited", header(dead, "eventName"));
    assertEquals("tenant-7", header(dead, "tenantId"));
    assertTrue(header(dead, "x-purista-dead-letter-reason").contains("on 1 deliveries"),
        header(dead, "x-purista-dead-letter-reason"));
  }
}
