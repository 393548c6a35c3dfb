package dev.purista.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decisions of the one delivery policy, each against a delivery that records how it was settled. The
 * brokers' own part is tested against the real brokers, in each bridge's contract test.
 */
class DeliveryPolicyTest {
  private static final MessageAddress SUBSCRIBER = MessageAddress.of("ledger", "1", "onOrder");
  private static final int MAX_ATTEMPTS = 3;

  private final InFlight inFlight = new InFlight();
  private final AtomicInteger delivered = new AtomicInteger();

  private DeliveryPolicy policy(boolean durable) {
    SubscriptionSpec spec = new SubscriptionSpec(SUBSCRIBER, SubscriptionFilter.forEvent("ordered"), true, durable);
    return new DeliveryPolicy(spec, MAX_ATTEMPTS, Duration.ofMillis(50), inFlight);
  }

  private SubscriptionEndpoint failingWith(Throwable failure) {
    return message -> {
      delivered.incrementAndGet();
      return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
    };
  }

  private static Message event(String eventName) {
    return Message.builder(MessageType.CUSTOM_MESSAGE).id("m-1").eventName(eventName)
        .sender(new MessageAddress("shop", "1", "checkout", "i-1")).build();
  }

  @Test
  void redeliveriesAndDeadLettersAreCountedForTheBridge() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
      SubscriptionSpec spec = new SubscriptionSpec(SUBSCRIBER, SubscriptionFilter.forEvent("ordered"), true, true);
      DeliveryPolicy counted = new DeliveryPolicy(spec, MAX_ATTEMPTS, Duration.ofMillis(50), inFlight,
          BridgeMetrics.of("test-bridge", sdk));
      IllegalStateException failure = new IllegalStateException("ledger locked");

      counted.accept(new Recorded(event("ordered"), 1), failingWith(failure));
      counted.accept(new Recorded(event("ordered"), 2), failingWith(failure));
      counted.accept(new Recorded(event("ordered"), MAX_ATTEMPTS), failingWith(failure));
      counted.accept(new Recorded(null, 1), failingWith(null));

      Map<String, Long> counts = new HashMap<>();
      for (MetricData metric : reader.collectAllMetrics()) {
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          assertEquals("test-bridge", point.getAttributes().get(AttributeKey.stringKey(SpanAttributes.BRIDGE)));
          counts.merge(metric.getName(), point.getValue(), Long::sum);
        }
      }
      assertEquals(Map.of(MetricNames.BRIDGE_REDELIVERIES, 2L, MetricNames.BRIDGE_DEAD_LETTERS, 2L), counts,
          "two deliveries were repeats; the last attempt and the malformed message were dead-lettered");
    }
  }

  @Test
  void aHandledMessageIsAcknowledged() {
    Recorded delivery = new Recorded(event("ordered"), 1);

    policy(true).accept(delivery, failingWith(null));

    assertEquals(List.of("ack"), delivery.outcomes);
    assertEquals(0, inFlight.count());
  }

  @Test
  void aPayloadThatCannotBeBoundIsDeadLetteredOnItsFirstDelivery() {
    Recorded delivery = new Recorded(event("ordered"), 1);

    policy(true).accept(delivery, failingWith(new HandledError(StatusCode.BAD_REQUEST,
        "Invalid payload: payload.count has the wrong type")));

    assertEquals(List.of("deadLetter: permanent failure: HandledError: Invalid payload: payload.count has the "
        + "wrong type"), delivery.outcomes);
  }

  @Test
  void aTransientFailureIsRetriedUntilTheLastAttemptThenDeadLettered() {
    IllegalStateException failure = new IllegalStateException("ledger locked");

    Recorded first = new Recorded(event("ordered"), 1);
    policy(true).accept(first, failingWith(failure));
    Recorded last = new Recorded(event("ordered"), MAX_ATTEMPTS);
    policy(true).accept(last, failingWith(failure));

    assertEquals(List.of("retry after 50 ms"), first.outcomes);
    assertEquals(List.of("deadLetter: handler failed on 3 deliveries, last: IllegalStateException: ledger locked"),
        last.outcomes);
  }

  @Test
  void aConflictIsNotPermanent() {
    Recorded delivery = new Recorded(event("ordered"), 1);

    policy(true).accept(delivery, failingWith(new HandledError(StatusCode.CONFLICT, "not yet")));

    assertEquals(List.of("retry after 50 ms"), delivery.outcomes);
  }

  @Test
  void aMessageBeyondTheLastAttemptIsDeadLetteredWithoutAnotherTry() {
    Recorded delivery = new Recorded(event("ordered"), MAX_ATTEMPTS + 1);

    policy(true).accept(delivery, failingWith(null));

    assertEquals(List.of("deadLetter: no outcome after 3 deliveries"), delivery.outcomes);
    assertEquals(0, delivered.get());
  }

  @Test
  void unreadableBytesAreDeadLetteredWhenDurableAndDroppedOtherwise() {
    Recorded durable = new Recorded(null, 1);
    policy(true).accept(durable, failingWith(null));
    Recorded loose = new Recorded(null, 1);
    policy(false).accept(loose, failingWith(null));

    assertEquals(List.of("deadLetter: malformed message: not JSON"), durable.outcomes);
    assertEquals(List.of("ack"), loose.outcomes);
    assertEquals(0, delivered.get());
  }

  @Test
  void aMessageOutsideTheFilterIsAcknowledgedWithoutDelivery() {
    Recorded delivery = new Recorded(event("cancelled"), 1);

    policy(true).accept(delivery, failingWith(null));

    assertEquals(List.of("ack"), delivery.outcomes);
    assertEquals(0, delivered.get());
  }

  @Test
  void aSubscriptionThatIsNotDurableNeitherRetriesNorDeadLetters() {
    Recorded delivery = new Recorded(event("ordered"), 1);

    policy(false).accept(delivery, failingWith(new IllegalStateException("boom")));

    assertEquals(List.of("ack"), delivery.outcomes);
  }

  @Test
  void aFailureAfterCloseReleasesTheMessage() {
    DeliveryPolicy policy = policy(true);
    CompletableFuture<Void> handler = new CompletableFuture<>();
    Recorded delivery = new Recorded(event("ordered"), 1);

    policy.accept(delivery, message -> handler);
    assertEquals(1, inFlight.count(), "in flight until settled");
    policy.close();
    handler.completeExceptionally(new IllegalStateException("shutting down"));

    assertEquals(List.of("release"), delivery.outcomes);
    assertEquals(0, inFlight.count());
  }

  @Test
  void onlyABadRequestIsPermanent() {
    assertTrue(DeliveryPolicy.isPermanent(new HandledError(StatusCode.BAD_REQUEST, "bad")));
    assertTrue(DeliveryPolicy.isPermanent(new java.util.concurrent.CompletionException(
        new HandledError(StatusCode.BAD_REQUEST, "bad"))));
    assertFalse(DeliveryPolicy.isPermanent(new HandledError(StatusCode.NOT_FOUND, "later")));
    assertFalse(DeliveryPolicy.isPermanent(new IllegalArgumentException("bad")));
  }

  /** A delivery of {@code message} ({@code null}: unreadable bytes) that records how it was settled. */
  private static final class Recorded implements BrokerDelivery {
    final List<String> outcomes = new ArrayList<>();
    private final Message message;
    private final int attempt;

    Recorded(Message message, int attempt) {
      this.message = message;
      this.attempt = attempt;
    }

    @Override
    public Message decode() throws MalformedMessageException {
      if (message == null) {
        throw new MalformedMessageException("not JSON");
      }
      return message;
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public String source() {
      return "test";
    }

    @Override
    public CompletableFuture<Void> ack() {
      return settled("ack");
    }

    @Override
    public CompletableFuture<Void> retry(Duration delay) {
      return settled("retry after " + delay.toMillis() + " ms");
    }

    @Override
    public CompletableFuture<Void> deadLetter(String reason) {
      return settled("deadLetter: " + reason);
    }

    @Override
    public CompletableFuture<Void> release() {
      return settled("release");
    }

    private CompletableFuture<Void> settled(String outcome) {
      outcomes.add(outcome);
      return CompletableFuture.completedFuture(null);
    }
  }
}
