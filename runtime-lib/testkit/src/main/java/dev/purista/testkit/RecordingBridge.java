package dev.purista.testkit;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.ForwardingEventBridge;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wraps a bridge and records every event that passes it: emitted events and success events of commands. Service
 * info messages pass it unrecorded.
 */
final class RecordingBridge extends ForwardingEventBridge {
  private final List<Message> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<CompletableFuture<Void>> deliveries = new LinkedBlockingQueue<>();

  RecordingBridge(EventBridge delegate) {
    super(delegate);
  }

  List<Message> events() {
    return events;
  }

  void clear() {
    events.clear();
    deliveries.clear();
  }

  /** The completion of the next subscription delivery, or {@code null} when none started within the wait. */
  CompletableFuture<Void> nextDelivery(Duration wait) throws InterruptedException {
    return deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    return super.invoke(command, timeout).thenApply(response -> {
      if (response.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE && response.isEvent()) {
        events.add(response);
      }
      return response;
    });
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    // Info messages tell about the services (started, ready, a command added), not about what handlers did.
    if (!event.messageType().isInfo()) {
      events.add(event);
    }
    return super.emit(event);
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    return super.registerSubscription(spec, message -> {
      CompletableFuture<Void> done = endpoint.deliver(message);
      deliveries.add(done);
      return done;
    });
  }
}
