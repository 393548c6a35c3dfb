package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import io.nats.client.api.MessageInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durable subscriptions against the real broker: acknowledged after success and then never again, redelivered
 * after a failure, dead-lettered after {@code maxAttempts} failed attempts, and kept while no instance runs.
 */
class DurableSubscriptionTest {
  private static final int MAX_ATTEMPTS = 3;

  record Order(String id) {
  }

  private final List<NatsBridge> bridges = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private BrokerProbe probe;
  private String service;
  private String event;

  @BeforeEach
  void names() throws Exception {
    String unique = MessageIds.newId().substring(0, 10);
    service = "durable" + unique;
    event = "orderPlaced" + unique;
    probe = new BrokerProbe(NatsTestSupport.brokerUrl());
  }

  @AfterEach
  void stopEverything() {
    services.forEach(s -> s.stop(Duration.ofSeconds(5)));
    bridges.forEach(NatsBridge::stop);
    probe.close();
  }

  private NatsBridge bridge() {
    return bridge(MAX_ATTEMPTS);
  }

  private NatsBridge bridge(int maxAttempts) {
    NatsBridge bridge = new NatsBridge(NatsTestSupport.fastConfig(NatsTestSupport.brokerUrl())
        .maxAttempts(maxAttempts).build());
    bridge.start();
    bridges.add(bridge);
    return bridge;
  }

  private Service serve(NatsBridge bridge, SubscriptionDefinition<Order, Void> subscription) {
    Service instance = ServiceDefinition.builder(service, "1").subscription(subscription).build().getInstance(bridge);
    instance.start();
    services.add(instance);
    return instance;
  }

  private SubscriptionDefinition<Order, Void> onOrder(String name, Map<String, AtomicInteger> attempts,
      int failuresBeforeSuccess) {
    return SubscriptionDefinition.builder(name, Order.class, Void.class).event(event)
        .handler((ctx, order) -> {
          int attempt = attempts.computeIfAbsent(order.id(), id -> new AtomicInteger()).incrementAndGet();
          if (attempt <= failuresBeforeSuccess) {
            throw new IllegalStateException("attempt " + attempt + " of order " + order.id() + " fails");
          }
          return null;
        }).build();
  }

  private Optional<MessageInfo> deadLetter(String subscription) throws Exception {
    String subject = "purista.dead_letter." + new SubjectTokens().token(service) + ".1."
        + new SubjectTokens().token(subscription);
    return probe.lastMessage("PURISTA_DEAD_LETTER", subject);
  }

  @Test
  void aFailedEventIsDeliveredAgainAndAcknowledgedOnceItSucceeds() throws Exception {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    serve(bridge(), onOrder("flaky", attempts, 2));

    PuristaClient.of(bridge(), "shop").emit(event, new Order("o-1"));

    Eventually.await(Duration.ofSeconds(10), "third attempt", () -> attempts.containsKey("o-1")
        && attempts.get("o-1").get() == 3);
    // Longer than the ack wait (2 s): an acknowledged event would come back by now if the ack were missing.
    Eventually.pause(Duration.ofMillis(2_700));
    assertEquals(3, attempts.get("o-1").get(), "two failures, one success, then no more deliveries");
    assertTrue(deadLetter("flaky").isEmpty(), "a recovered event is not dead-lettered");
  }

  @Test
  void anEventThatKeepsFailingIsDeadLetteredAfterMaxDeliveries() throws Exception {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    serve(bridge(), onOrder("poisoned", attempts, Integer.MAX_VALUE));
    NatsBridge shop = bridge();

    PuristaClient.of(shop, "shop").emit(event, new Order("o-2"));

    Eventually.await(Duration.ofSeconds(10), "dead letter stored", () -> deadLetterOrEmpty("poisoned").isPresent());
    Eventually.pause(Duration.ofMillis(2_700));
    assertEquals(MAX_ATTEMPTS, attempts.get("o-2").get(), "bounded retries");
    MessageInfo dead = deadLetter("poisoned").orElseThrow();
    Message original = new MessageCodec().decode(dead.getData());
    assertEquals(event, original.eventName(), "the dead letter is the original message");
    assertEquals(Map.of("id", "o-2"), original.payload());
    assertEquals(Integer.toString(MAX_ATTEMPTS), dead.getHeaders().getFirst(DeadLetters.ATTEMPT));
    assertTrue(dead.getHeaders().getFirst(DeadLetters.REASON).contains("attempt 3 of order o-2 fails"),
        dead.getHeaders().getFirst(DeadLetters.REASON));
    assertTrue(dead.getHeaders().getFirst(DeadLetters.ORIGINAL_SUBJECT).startsWith("purista.custom_message."));
    assertEquals(service + "/1/poisoned", dead.getHeaders().getFirst(DeadLetters.SUBSCRIBER));
  }

  @Test
  void eventsEmittedWhileNoInstanceRunsAreDeliveredWhenOneStarts() {
    List<String> received = new CopyOnWriteArrayList<>();
    SubscriptionDefinition<Order, Void> subscription = SubscriptionDefinition.builder("keeper", Order.class,
        Void.class).event(event).handler((ctx, order) -> {
          received.add(order.id());
          return null;
        }).build();
    Service first = serve(bridge(), subscription);
    first.stop(Duration.ofSeconds(5));
    PuristaClient shop = PuristaClient.of(bridge(), "shop");

    for (int i = 0; i < 5; i++) {
      shop.emit(event, new Order("while-down-" + i));
    }
    Eventually.pause(Duration.ofMillis(300));
    assertTrue(received.isEmpty(), "nobody runs the subscription yet");
    serve(bridge(), subscription);

    Eventually.await(Duration.ofSeconds(10), "the kept events arrive", () -> received.size() == 5);
    assertEquals(List.of("while-down-0", "while-down-1", "while-down-2", "while-down-3", "while-down-4"),
        received.stream().sorted().toList());
  }

  @Test
  void anEventWhoseLastAttemptNeverEndsIsDeadLetteredOnTheExtraDelivery() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    serve(bridge(1), SubscriptionDefinition.builder("hanging", Order.class, Void.class).event(event)
        .handler((ctx, order) -> {
          runs.incrementAndGet();
          release.await(20, TimeUnit.SECONDS);
          return null;
        }).build());

    PuristaClient.of(bridge(), "shop").emit(event, new Order("o-3"));

    // The only attempt hangs past the ack wait (2 s); the server delivers once more and the bridge gives up.
    Eventually.await(Duration.ofSeconds(10), "dead letter stored", () -> deadLetterOrEmpty("hanging").isPresent());
    release.countDown();
    MessageInfo dead = deadLetter("hanging").orElseThrow();
    assertEquals("2", dead.getHeaders().getFirst(DeadLetters.ATTEMPT));
    assertTrue(dead.getHeaders().getFirst(DeadLetters.REASON).startsWith("no outcome after 1 deliveries"),
        dead.getHeaders().getFirst(DeadLetters.REASON));
    assertEquals(1, runs.get(), "the handler is not run beyond maxAttempts");
  }

  @Test
  void anEveryInstanceDurableSubscriptionHasAConsumerPerInstanceThatLeavesWithIt() throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    Service one = serve(bridge(), everyInstance(first));
    serve(bridge(), everyInstance(second));
    String consumerPrefix = "purista_" + service + "_1_everywhere_";
    assertEquals(4, probe.consumers("PURISTA_EVENTS", consumerPrefix).size(),
        "two instances, two streamed message types");

    PuristaClient.of(bridge(), "shop").emit(event, new Order("o-4"));

    Eventually.await(Duration.ofSeconds(10), "each instance gets the event",
        () -> first.size() == 1 && second.size() == 1);
    one.stop(Duration.ofSeconds(5));
    assertEquals(2, probe.consumers("PURISTA_EVENTS", consumerPrefix).size(),
        "a random instance id cannot come back, so its consumers are deleted with its registration");
  }

  @Test
  void aNewSubscriptionStartsWithNewEventsNotHistory() {
    PuristaClient shop = PuristaClient.of(bridge(), "shop");
    shop.emit(event, new Order("before"));
    List<String> received = new CopyOnWriteArrayList<>();
    serve(bridge(), SubscriptionDefinition.builder("newcomer", Order.class, Void.class).event(event)
        .handler((ctx, order) -> {
          received.add(order.id());
          return null;
        }).build());

    shop.emit(event, new Order("after"));

    Eventually.await(Duration.ofSeconds(10), "the new event arrives", () -> received.contains("after"));
    Eventually.pause(Duration.ofMillis(300));
    assertEquals(List.of("after"), received);
  }

  @Test
  void aRetriedEmitOfTheSameMessageIsStoredOnce() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    serve(bridge(), SubscriptionDefinition.builder("deduplicated", Order.class, Void.class).event(event)
        .handler((ctx, order) -> {
          received.add(order.id());
          return null;
        }).build());
    NatsBridge shop = bridge();
    Message once = Message.builder(MessageType.CUSTOM_MESSAGE).eventName(event)
        .sender(MessageAddress.of("shop", "1", "retrying")).payload(Map.of("id", "o-5")).build();

    shop.emit(once).get(5, TimeUnit.SECONDS);
    shop.emit(once).get(5, TimeUnit.SECONDS);
    shop.emit(once.toBuilder().id(MessageIds.newId()).build()).get(5, TimeUnit.SECONDS);

    Eventually.await(Duration.ofSeconds(10), "two distinct messages", () -> received.size() >= 2);
    Eventually.pause(Duration.ofMillis(300));
    assertEquals(List.of("o-5", "o-5"), received, "the repeat with the same id is dropped, a new id is not");
  }

  private SubscriptionDefinition<Order, Void> everyInstance(List<String> sink) {
    return SubscriptionDefinition.builder("everywhere", Order.class, Void.class).event(event).everyInstance()
        .handler((ctx, order) -> {
          sink.add(order.id());
          return null;
        }).build();
  }

  @Test
  void theDeadLetterHeadersAreSafeForAnyReason() {
    assertEquals("line one  line two", DeadLetters.headerValue("line one\r\nline two"));
    assertEquals("caf ", DeadLetters.headerValue("caf\u00e9"));
    assertEquals(512, DeadLetters.headerValue("x".repeat(2_000)).length());
    assertEquals("unknown", DeadLetters.headerValue(null));
  }

  private Optional<MessageInfo> deadLetterOrEmpty(String subscription) {
    try {
      return deadLetter(subscription);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
