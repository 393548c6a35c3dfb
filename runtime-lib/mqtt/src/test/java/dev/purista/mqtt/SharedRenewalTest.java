package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.sleep;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a renewal of a durable shared subscription ({@code sharedRenewal}) does on each broker, with a handler slow
 * enough to keep messages in flight: nothing visible on Mosquitto and HiveMQ CE, where the bridge renews by default;
 * on ActiveMQ Artemis it sends the messages in flight again, which is why the docs tell Artemis users to set it to
 * {@code 0s}. Without renewal, every broker hands each event over once. If a broker changes its behaviour, its test
 * fails and the docs' advice has to change with it.
 */
abstract class SharedRenewalTest {
  private static final int EVENTS = 100;
  private static final Duration HANDLING = Duration.ofMillis(20);

  private Fixture fixture;

  /** Payload of the test events. */
  public record Tick(int sequence) {
  }

  abstract BrokerProcess broker();

  /** Whether a renewal makes this broker send the messages in flight again. */
  abstract boolean renewalRedelivers();

  @BeforeEach
  void open() {
    fixture = new Fixture(broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aRenewalSendsTheMessagesInFlightAgainOnlyWhereTheDocsSaySo() {
    Map<Integer, Integer> handled = handleAll(Duration.ofMillis(200));

    System.out.println(broker().name() + ": duplicates with a renewal every 200 ms: " + duplicates(handled) + " of "
        + EVENTS);
    if (renewalRedelivers()) {
      assertTrue(duplicates(handled) > 0, "no duplicates with a renewal every 200 ms: " + handled);
    } else {
      assertEquals(0, duplicates(handled), "duplicates with a renewal every 200 ms: " + handled);
    }
  }

  @Test
  void withoutRenewalEachEventIsHandledOnce() {
    Map<Integer, Integer> handled = handleAll(Duration.ZERO);

    assertEquals(0, duplicates(handled), "duplicates without renewal: " + handled);
  }

  /** Emits {@code EVENTS} events to a slow durable shared subscription and waits until each was handled. */
  private Map<Integer, Integer> handleAll(Duration renewal) {
    String event = unique("ticked");
    Map<Integer, Integer> handled = new ConcurrentHashMap<>();
    MqttBridge subscriber = fixture.bridge(config -> config.sharedRenewal(renewal));
    fixture.serve(ServiceDefinition.builder(unique("renewed"), "1")
        .subscription(SubscriptionDefinition.builder("onTick", Tick.class, Void.class)
            .event(event)
            .handler((ctx, tick) -> {
              sleep(HANDLING);
              handled.merge(tick.sequence(), 1, Integer::sum);
              return null;
            }).build())
        .build(), subscriber);
    PuristaClient client = PuristaClient.of(fixture.bridge(), "test");
    for (int sequence = 0; sequence < EVENTS; sequence++) {
      client.emit(event, new Tick(sequence));
    }
    awaitTrue(() -> handled.size() == EVENTS, Duration.ofSeconds(30), "every event handled");
    // Redeliveries of the last messages in flight come a little later.
    sleep(Duration.ofMillis(500));
    return handled;
  }

  private static int duplicates(Map<Integer, Integer> handled) {
    return handled.values().stream().mapToInt(count -> count - 1).sum();
  }
}
