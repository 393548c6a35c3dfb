package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault test: the broker goes down while durable events flow, in both directions at once (a publisher
 * emitting, a subscriber with events in flight), and comes back on the same store. Every event the broker
 * accepted before the fault is handled at least once afterwards; the figures are printed for
 * docs/bridges/nats.md.
 */
class BrokerRestartFaultTest {
  private static final int EVENTS = 3_000;
  private static final int FAULT_AFTER = 1_000;

  /** How the broker goes away. */
  enum Fault {
    /** SIGTERM, then start again: a restart by an operator or an orchestrator. */
    RESTART,
    /** SIGKILL, then start again: a crash. */
    CRASH
  }

  record Numbered(int n) {
  }

  // Only the restart runs in the build. nats-server 2.9 acknowledges a JetStream publish before its own flusher has
  // written it to the stream's file, so a SIGKILL can lose acknowledged events: a crash run can fail on the
  // broker's behalf, not ours. Run the crash by hand with -Dpurista.nats.faults=RESTART,CRASH (figures in
  // docs/bridges/nats.md).
  @ParameterizedTest
  @MethodSource("faults")
  void everyDurableEventAcceptedBeforeTheFaultIsHandledAfterIt(Fault fault) throws Exception {
    try (NatsServerProcess server = NatsServerProcess.start()) {
      NatsBridge subscriber = new NatsBridge(NatsTestSupport.fastConfig(server.url()).build());
      NatsBridge publisher = new NatsBridge(NatsTestSupport.fastConfig(server.url()).build());
      subscriber.start();
      publisher.start();
      Map<Integer, AtomicInteger> deliveries = new ConcurrentHashMap<>();
      Service service = ServiceDefinition.builder("faulty", "1")
          .subscription(SubscriptionDefinition.builder("count", Numbered.class, Void.class).event("numbered")
              .handler((ctx, event) -> {
                Thread.sleep(5);
                deliveries.computeIfAbsent(event.n(), n -> new AtomicInteger()).incrementAndGet();
                return null;
              }).build())
          // A slow subscriber: when the broker goes, hundreds of events wait in the stream or in the client.
          .build().getInstance(subscriber, ServiceOptions.builder().maxConcurrency(4).build());
      service.start();

      Set<Integer> acceptedBeforeFault = ConcurrentHashMap.newKeySet();
      AtomicInteger publishRetries = new AtomicInteger();
      MessageAddress sender = MessageAddress.of("faultTest", "1", "publisher");
      long faultAt = 0;
      int handledBeforeFault = 0;
      for (int n = 0; n < EVENTS; n++) {
        if (n == FAULT_AFTER) {
          faultAt = System.nanoTime();
          handledBeforeFault = deliveries.size();
          goAway(server, fault);
          new Thread(() -> comeBack(server), "broker-comes-back").start();
        }
        Message event = Message.builder(MessageType.CUSTOM_MESSAGE).eventName("numbered").sender(sender)
            .payload(Map.of("n", n)).build();
        publishUntilAccepted(publisher, event, publishRetries);
        if (faultAt == 0) {
          acceptedBeforeFault.add(n);
        }
      }

      Eventually.await(Duration.ofSeconds(60), "every accepted event handled",
          () -> deliveries.size() == EVENTS);
      long allHandledMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultAt);
      // Redeliveries of events whose acknowledgement was lost arrive up to one ack wait later; count them too.
      Eventually.pause(Duration.ofSeconds(3));
      int total = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
      System.out.printf("FAULT TEST (%s): sent %d, accepted before the fault %d (handled by then %d), "
              + "publish retries %d, handled %d distinct, %d deliveries, %d duplicates, all handled %d ms after "
              + "the fault%n", fault, EVENTS, acceptedBeforeFault.size(), handledBeforeFault, publishRetries.get(),
          deliveries.size(), total, total - deliveries.size(), allHandledMillis);

      assertEquals(FAULT_AFTER, acceptedBeforeFault.size());
      assertTrue(deliveries.keySet().containsAll(acceptedBeforeFault), "an event accepted before the fault is lost");
      assertEquals(EVENTS, deliveries.size(), "every event sent is handled");
      service.stop(Duration.ofSeconds(5));
      subscriber.stop();
      publisher.stop();
    }
  }

  static java.util.stream.Stream<Fault> faults() {
    return java.util.Arrays.stream(System.getProperty("purista.nats.faults", "RESTART").split(","))
        .map(String::trim).map(Fault::valueOf);
  }

  private static void goAway(NatsServerProcess server, Fault fault) throws InterruptedException {
    if (fault == Fault.RESTART) {
      server.stop();
    } else {
      server.kill();
    }
  }

  private static void comeBack(NatsServerProcess server) {
    try {
      Thread.sleep(1_000);
      server.restart();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A publisher that wants at-least-once retries until the broker confirms; the broker drops the repeats. */
  private static void publishUntilAccepted(NatsBridge bridge, Message event, AtomicInteger retries)
      throws InterruptedException {
    while (true) {
      try {
        bridge.emit(event).get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        retries.incrementAndGet();
        Thread.sleep(50);
      }
    }
  }
}
