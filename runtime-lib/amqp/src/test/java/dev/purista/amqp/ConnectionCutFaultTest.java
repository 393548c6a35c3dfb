package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fault test: while durable events flow from one bridge to a subscriber on another, the broker closes both
 * connections. Every event whose publish completed (the broker confirmed it) must be handled at least once after
 * the bridges reconnected. The figures are printed and written to {@code target/fault-test-figures.txt}.
 */
class ConnectionCutFaultTest extends BrokerTestSupport {
  private static final int BEFORE_CUT = 1_000;
  private static final int AFTER_CUT = 1_000;

  @Test
  void everyConfirmedDurableEventIsHandledAtLeastOnceAfterTheConnectionsAreCut() throws Exception {
    AmqpBridge publisher = bridge(TestBroker.config(prefix).defaultCommandTimeout(Duration.ofSeconds(20)).build());
    AmqpBridge subscriber = bridge();
    Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    AtomicInteger handled = new AtomicInteger();
    subscriber.registerSubscription(new SubscriptionSpec(MessageAddress.of("audit", "1", "onOrder"),
        SubscriptionFilter.forEvent("order.placed"), true, true), message -> {
          // Handled a moment later, off the consumer thread, as a service would: deliveries are in flight at the cut.
          return CompletableFuture.runAsync(() -> {
            deliveries.computeIfAbsent(String.valueOf(message.payload()), id -> new AtomicInteger())
                .incrementAndGet();
            handled.incrementAndGet();
          }, CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.MILLISECONDS));
        });

    // Three phases, so that events are in flight when the broker cuts, published while the connections are down,
    // and published while the bridges recover.
    List<CompletableFuture<Void>> publishes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    emit(publisher, BEFORE_CUT, 10, publishes, ids);
    CompletableFuture<Integer> cut = CompletableFuture.supplyAsync(() -> TestBroker.cutConnections(prefix));
    while (!cut.isDone()) {
      emit(publisher, 1, 1, publishes, ids);
    }
    emit(publisher, AFTER_CUT, 10, publishes, ids);
    int connectionsCut = cut.join();
    Set<String> confirmed = new HashSet<>();
    int failed = 0;
    for (int i = 0; i < publishes.size(); i++) {
      try {
        publishes.get(i).join();
        confirmed.add(ids.get(i));
      } catch (RuntimeException e) {
        failed++;
      }
    }
    awaitTrue(() -> deliveries.keySet().containsAll(confirmed), "every confirmed event handled");
    sleep(Duration.ofMillis(500));

    Set<String> lost = new HashSet<>(confirmed);
    lost.removeAll(deliveries.keySet());
    int duplicates = handled.get() - deliveries.size();
    String figures = String.format(java.util.Locale.ROOT,
        "connections cut: %d; events published: %d; confirmed: %d; publish failed: %d; handled (distinct): %d; "
            + "deliveries: %d; duplicates: %d; confirmed but never handled: %d",
        connectionsCut, publishes.size(), confirmed.size(), failed, deliveries.size(), handled.get(), duplicates, lost.size());
    System.out.println("FAULT TEST FIGURES " + figures);
    Files.writeString(Path.of("target", "fault-test-figures.txt"), figures + System.lineSeparator(),
        StandardCharsets.UTF_8);

    assertEquals(2, connectionsCut, "publisher and subscriber connections were cut");
    assertTrue(lost.isEmpty(), "confirmed events never handled: " + lost.size());
    assertTrue(confirmed.size() > BEFORE_CUT + AFTER_CUT, "events were confirmed across the cut: "
        + confirmed.size());
    awaitTrue(() -> publisher.isReady() && subscriber.isReady(), "both reconnected");
  }

  /** Emits {@code count} events, {@code perMillisecond} at a time, without waiting for their confirms. */
  private static void emit(AmqpBridge publisher, int count, int perMillisecond,
      List<CompletableFuture<Void>> publishes, List<String> ids) {
    for (int i = 0; i < count; i++) {
      String id = "order-" + ids.size();
      ids.add(id);
      publishes.add(publisher.emit(event("order.placed", id)));
      if (ids.size() % perMillisecond == 0) {
        sleep(Duration.ofMillis(1));
      }
    }
  }

  @Test
  void eventsEmittedWhileTheConnectionIsDownAreSentWhenItIsBack() throws IOException {
    AmqpBridge publisher = bridge(TestBroker.config(prefix).connectionName(prefix + "-publisher")
        .defaultCommandTimeout(Duration.ofSeconds(20)).build());
    AmqpBridge subscriber = bridge(TestBroker.config(prefix).connectionName("sub-" + prefix).build());
    Set<Object> received = ConcurrentHashMap.newKeySet();
    subscriber.registerSubscription(new SubscriptionSpec(MessageAddress.of("audit", "1", "onLate"),
        SubscriptionFilter.forEvent("late"), true, true), message -> {
          received.add(message.payload());
          return CompletableFuture.completedFuture(null);
        });

    assertEquals(1, TestBroker.cutConnections(prefix + "-publisher"));
    awaitTrue(() -> !publisher.isReady(), "the publisher noticed the drop");
    CompletableFuture<Void> whileDown = publisher.emit(event("late", "sent while down"));
    Message second = event("late", "sent after");

    whileDown.join();
    publisher.emit(second).join();

    awaitTrue(() -> received.containsAll(Set.of("sent while down", "sent after")), "both events handled");
    assertEquals(0, depth(prefix + ".sub.audit.1.onLate"));
  }
}
