package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.sleep;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.mqtt.internal.DeadLetters;
import dev.purista.mqtt.internal.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Durable subscriptions: acknowledged only after the handler succeeded, retried within the bound, then
 * dead-lettered and acknowledged; kept by the broker while the service is away when the client id is stable.
 */
class DurableSubscriptionTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Fixture fixture;

  /** Payload of the test events. */
  public record Note(String text) {
  }

  @BeforeEach
  void open() {
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /** A service with one durable subscription whose handler decides per attempt whether to fail. */
  private static ServiceDefinition recorder(String service, String event, Function<Note, Boolean> fails,
      Map<String, AtomicInteger> attempts, List<String> handled) {
    return ServiceDefinition.builder(service, "1")
        .subscription(SubscriptionDefinition.builder("onNote", Note.class, Void.class)
            .event(event)
            .handler((ctx, note) -> {
              attempts.computeIfAbsent(note.text(), key -> new AtomicInteger()).incrementAndGet();
              if (fails.apply(note)) {
                throw new IllegalStateException("cannot handle " + note.text() + " now");
              }
              handled.add(note.text());
              return null;
            }).build())
        .build();
  }

  @Test
  void aFailedMessageIsRetriedUntilTheHandlerSucceedsAndNotDeadLettered() {
    String service = unique("retrier");
    String event = unique("noted");
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> handled = new CopyOnWriteArrayList<>();
    MqttBridge bridge = fixture.bridge(config -> config.maxAttempts(4));
    fixture.serve(recorder(service, event, note -> attempts.get(note.text()).get() < 3, attempts, handled), bridge);
    RawClient deadLetterWatcher = fixture.raw(unique("watcher")).watch("purista/dead_letter/#");

    PuristaClient.of(fixture.bridge(), "test").emit(event, new Note("flaky"));

    awaitTrue(() -> handled.contains("flaky"), WAIT, "handled after two failures");
    sleep(Duration.ofMillis(300));
    assertEquals(3, attempts.get("flaky").get(), "two failed attempts, then one that succeeded");
    assertEquals(List.of("flaky"), handled);
    assertTrue(deadLetterWatcher.received().isEmpty(), "nothing dead-lettered: " + deadLetterWatcher.received());
  }

  @Test
  void aMessageThatKeepsFailingIsDeadLetteredAfterTheRetryBound() throws Exception {
    String service = unique("hopeless");
    String event = unique("doomed");
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> handled = new CopyOnWriteArrayList<>();
    MqttBridge bridge = fixture.bridge(config -> config.maxAttempts(3));
    fixture.serve(recorder(service, event, note -> note.text().startsWith("bad"), attempts, handled), bridge);
    String deadLetterTopic = new Topology("purista", "sharedpurista", "any")
        .deadLetterTopic(MessageAddress.of(service, "1", "onNote"));
    RawClient deadLetterWatcher = fixture.raw(unique("watcher")).watch(deadLetterTopic);
    PuristaClient client = PuristaClient.of(fixture.bridge(), "test");

    client.emit(event, new Note("bad-1"));
    client.emit(event, new Note("good-1"));

    awaitTrue(() -> deadLetterWatcher.received().size() == 1, WAIT, "dead letter published");
    awaitTrue(() -> handled.contains("good-1"), WAIT, "the next message is served");
    sleep(Duration.ofMillis(300));
    assertEquals(3, attempts.get("bad-1").get(), "one attempt and two retries, no more");
    Mqtt5Publish letter = deadLetterWatcher.received().get(0);
    Message original = new MessageCodec().decode(letter.getPayloadAsBytes());
    assertEquals(event, original.eventName(), "the dead letter is the original envelope");
    assertEquals(Map.of("text", "bad-1"), original.payload());
    assertEquals("3", RawClient.property(letter, DeadLetters.ATTEMPTS));
    assertEquals("handler failed on 3 deliveries, last: IllegalStateException: cannot handle bad-1 now",
        RawClient.property(letter, DeadLetters.REASON));
    assertTrue(RawClient.property(letter, DeadLetters.ORIGINAL_TOPIC).startsWith("purista/custom_message/"),
        RawClient.property(letter, DeadLetters.ORIGINAL_TOPIC));
    assertEquals(1, deadLetterWatcher.received().size());
  }

  @Test
  void handledAndDeadLetteredMessagesAreAcknowledgedSoAResumedSessionDoesNotGetThemAgain() {
    String service = unique("acker");
    String event = unique("acked");
    String clientId = unique("stable-");
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> handled = new CopyOnWriteArrayList<>();
    MqttBridge first = fixture.bridge(config -> config.clientId(clientId).maxAttempts(2));
    var firstService = fixture.serve(recorder(service, event, note -> note.text().startsWith("bad"), attempts,
        handled), first);
    PuristaClient client = PuristaClient.of(fixture.bridge(), "test");
    client.emit(event, new Note("good-1"));
    client.emit(event, new Note("bad-1"));
    awaitTrue(() -> handled.contains("good-1") && attempts.containsKey("bad-1") && attempts.get("bad-1").get() == 2,
        WAIT, "handled and dead-lettered");
    sleep(Duration.ofMillis(200));
    firstService.stop(Duration.ofSeconds(5));
    first.stop();

    MqttBridge second = fixture.bridge(config -> config.clientId(clientId).maxAttempts(2));
    fixture.serve(recorder(service, event, note -> note.text().startsWith("bad"), attempts, handled), second);
    client.emit(event, new Note("good-2"));

    awaitTrue(() -> handled.contains("good-2"), WAIT, "the resumed session serves new messages");
    sleep(Duration.ofMillis(300));
    assertEquals(List.of("good-1", "good-2"), handled, "nothing acknowledged came back");
    assertEquals(2, attempts.get("bad-1").get(), "the dead-lettered message came back: " + attempts);
  }

  @Test
  void withAStableClientIdEventsPublishedWhileTheServiceIsDownArriveWhenItComesBack() {
    String service = unique("sleepy");
    String event = unique("missed");
    String clientId = unique("stable-");
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> handled = new CopyOnWriteArrayList<>();
    MqttBridge first = fixture.bridge(config -> config.clientId(clientId));
    var firstService = fixture.serve(recorder(service, event, note -> false, attempts, handled), first);
    firstService.stop(Duration.ofSeconds(5));
    first.stop();

    PuristaClient client = PuristaClient.of(fixture.bridge(), "test");
    for (int i = 0; i < 3; i++) {
      client.emit(event, new Note("while-away-" + i));
    }
    assertTrue(handled.isEmpty());
    MqttBridge second = fixture.bridge(config -> config.clientId(clientId));
    fixture.serve(recorder(service, event, note -> false, attempts, handled), second);

    awaitTrue(() -> handled.size() == 3, WAIT, "the broker kept the events for the session: " + handled);
    assertEquals(List.of("while-away-0", "while-away-1", "while-away-2"), handled.stream().sorted().toList());
  }

  @Test
  void anInstanceWithAMadeUpClientIdEndsItsSessionOnStopSoNoEventIsParkedThere() {
    String service = unique("pair");
    String event = unique("shared");
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<String> leaving = new CopyOnWriteArrayList<>();
    List<String> staying = new CopyOnWriteArrayList<>();
    MqttBridge leavingBridge = fixture.bridge();
    var leavingService = fixture.serve(recorder(service, event, note -> false, attempts, leaving), leavingBridge);
    fixture.serve(recorder(service, event, note -> false, attempts, staying), fixture.bridge());
    leavingService.stop(Duration.ofSeconds(5));
    leavingBridge.stop();

    PuristaClient client = PuristaClient.of(fixture.bridge(), "test");
    for (int i = 0; i < 10; i++) {
      client.emit(event, new Note("after-" + i));
    }

    awaitTrue(() -> staying.size() == 10, WAIT, "the remaining instance gets every event, got " + staying);
    assertTrue(leaving.isEmpty());
  }
}
