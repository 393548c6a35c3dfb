package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.PuristaClient;
import dev.purista.core.PuristaError;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageIds;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault test: the broker is restarted while durable events flow, and every event whose publication the broker
 * acknowledged before the restart is handled at least once afterwards. The broker runs with persistence, as a
 * broker that promises durability must, and is stopped the way an operator restarts it (SIGTERM), so that it writes
 * its sessions and queued messages out. The figures are printed for docs/bridges/mqtt.md.
 *
 * <p>Events published after the restart are checked too. Mosquitto before 2.0.12 restores a persistent session's
 * shared subscription in a state that routes nothing to it until the subscriber subscribes again (which the bridge
 * does as soon as it has reconnected), and answers publishes meanwhile with "no matching subscribers"; the
 * publishing bridge holds those events back and publishes them again ({@code restartHold}). So both kinds of
 * subscription assert that every accepted event is handled, and the shared one also that the renewed subscription
 * works: every event published once the consumer is back is handled.
 */
class BrokerRestartFaultTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.ownMosquitto(true);
  private static final int EVENTS = 600;
  private static final int RESTART_AFTER = 200;
  private static final int AFTER_RECONNECT = 50;
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private Fixture fixture;

  /** Payload of the test events. */
  public record Tick(int sequence) {
  }

  /** What one run counted. */
  private record Figures(Set<Integer> sentBeforeFault, Set<Integer> sent, Set<Integer> sentAfterReconnect,
      int failedPublishes, Map<Integer, AtomicInteger> handled) {
    int duplicates() {
      return handled.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    Set<Integer> missing(Set<Integer> of) {
      Set<Integer> missing = new TreeSet<>(of);
      missing.removeAll(handled.keySet());
      return missing;
    }

    String describe(String subscription) {
      return String.format("MQTT fault test, %s durable subscription, broker restarted (SIGTERM, persistence on): "
              + "events published %d, accepted by the broker %d (%d before the restart), publishes failed %d, "
              + "handled %d distinct, duplicates %d, accepted before the restart but not handled %d, accepted "
              + "after it but not handled %d (of them published after the consumer was back: %d of %d)",
          subscription, EVENTS + AFTER_RECONNECT, sent.size(), sentBeforeFault.size(), failedPublishes, handled.size(),
          duplicates(), missing(sentBeforeFault).size(), missing(sent).size() - missing(sentBeforeFault).size(),
          missing(sentAfterReconnect).size(), sentAfterReconnect.size());
    }
  }

  @BeforeEach
  void open() {
    if (!MOSQUITTO.broker().isRunning()) {
      MOSQUITTO.broker().startAgain();
    }
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aSharedDurableSubscriptionHandlesEveryEventAcceptedBeforeTheRestart() throws Exception {
    Figures figures = run(true);

    System.out.println(figures.describe("shared"));
    assertEquals(Set.of(), figures.missing(figures.sentBeforeFault()), "every event accepted before the fault");
    assertEquals(Set.of(), figures.missing(figures.sent()), "every event accepted after the fault: the publisher "
        + "held back what the broker could not route until the subscription was renewed");
    assertEquals(Set.of(), figures.missing(figures.sentAfterReconnect()), "every event published once the "
        + "consumer was back: the renewed subscription works");
    assertTrue(figures.sentBeforeFault().size() >= RESTART_AFTER);
  }

  @Test
  void anEveryInstanceDurableSubscriptionHandlesEveryAcceptedEvent() throws Exception {
    Figures figures = run(false);

    System.out.println(figures.describe("every-instance"));
    assertEquals(Set.of(), figures.missing(figures.sentBeforeFault()), "every event accepted before the fault");
    assertEquals(Set.of(), figures.missing(figures.sent()), "every event accepted after the fault");
    assertTrue(figures.sentBeforeFault().size() >= RESTART_AFTER);
  }

  private Figures run(boolean shared) throws InterruptedException {
    String event = "tick." + MessageIds.newId().substring(0, 10);
    Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
    SubscriptionDefinition.Builder<Tick, Void> subscription = SubscriptionDefinition
        .builder("onTick", Tick.class, Void.class).event(event)
        .handler((ctx, tick) -> {
          // A little work per event, so that a backlog is queued and in flight when the broker goes.
          Fixture.sleep(Duration.ofMillis(2));
          handled.computeIfAbsent(tick.sequence(), key -> new AtomicInteger()).incrementAndGet();
          return null;
        });
    if (!shared) {
      subscription.everyInstance();
    }
    MqttBridge consumer = fixture.bridge();
    fixture.serve(ServiceDefinition.builder("faultConsumer" + MessageIds.newId().substring(0, 6), "1")
        .subscription(subscription.build()).build(), consumer);
    PuristaClient producer = PuristaClient.of(fixture.bridge(), "producer");

    Set<Integer> sentBeforeFault = ConcurrentHashMap.newKeySet();
    Set<Integer> sent = ConcurrentHashMap.newKeySet();
    AtomicInteger failedPublishes = new AtomicInteger();
    AtomicBoolean restarted = new AtomicBoolean();
    Thread restarter = new Thread(() -> {
      awaitTrue(() -> sent.size() >= RESTART_AFTER, Duration.ofSeconds(30), "events flowing");
      sentBeforeFault.addAll(sent);
      MOSQUITTO.broker().stop();
      Fixture.sleep(Duration.ofMillis(500));
      MOSQUITTO.broker().startAgain();
      restarted.set(true);
    }, "broker-restarter");
    restarter.start();
    for (int i = 0; i < EVENTS; i++) {
      try {
        producer.emit(event, new Tick(i));
        sent.add(i);
      } catch (PuristaError e) {
        failedPublishes.incrementAndGet();
      }
    }
    restarter.join(30_000);
    assertTrue(restarted.get(), "the broker was restarted while events flowed");

    // Events published after the consumer is connected again, past the window in which a broker that lost the
    // subscription (see the class comment) would drop them.
    awaitTrue(consumer::isReady, Duration.ofSeconds(10), "the consumer is back");
    Fixture.sleep(Duration.ofMillis(300));
    Set<Integer> sentAfterReconnect = ConcurrentHashMap.newKeySet();
    for (int i = EVENTS; i < EVENTS + AFTER_RECONNECT; i++) {
      producer.emit(event, new Tick(i));
      sent.add(i);
      sentAfterReconnect.add(i);
    }

    Figures figures = new Figures(sentBeforeFault, sent, sentAfterReconnect, failedPublishes.get(), handled);
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!figures.missing(sent).isEmpty() && System.nanoTime() < deadline) {
      Fixture.sleep(Duration.ofMillis(50));
    }
    // Duplicates and stragglers arrive a little later; counting too early would flatter the figures.
    Fixture.sleep(Duration.ofMillis(500));
    return figures;
  }
}
