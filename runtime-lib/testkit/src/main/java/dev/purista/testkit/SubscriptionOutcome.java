package dev.purista.testkit;

import dev.purista.core.message.Message;
import java.util.List;
import java.util.Optional;

/** What one delivery to a subscription produced: success or its failure, and the events emitted meanwhile. */
public final class SubscriptionOutcome {
  private final Throwable failure;
  private final RecordedEvents events;

  SubscriptionOutcome(Throwable failure, List<Message> events) {
    this.failure = failure;
    this.events = new RecordedEvents(events);
  }

  public boolean isSuccess() {
    return failure == null;
  }

  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Fails the test with the handler's exception when the delivery failed. */
  public SubscriptionOutcome assertSuccess() {
    if (failure != null) {
      throw new AssertionError("subscription failed: " + failure.getMessage(), failure);
    }
    return this;
  }

  /** Events emitted while handling, such as the subscription's output event. */
  public List<Message> events() {
    return events.all();
  }

  /** The payload of the first emitted event named {@code eventName}, bound to {@code type}. */
  public <T> T eventPayload(String eventName, Class<T> type) {
    return events.payload(eventName, type);
  }

  public List<String> eventNames() {
    return events.names();
  }
}
