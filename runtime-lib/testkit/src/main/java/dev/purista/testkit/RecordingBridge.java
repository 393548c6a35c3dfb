package dev.purista.testkit;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wraps a bridge and records every event that passes it: emitted events and success events of commands. Service
 * info messages pass it unrecorded.
 */
final class RecordingBridge implements EventBridge {
  private final EventBridge delegate;
  private final List<Message> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<CompletableFuture<Void>> deliveries = new LinkedBlockingQueue<>();

  RecordingBridge(EventBridge delegate) {
    this.delegate = delegate;
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
  public String name() {
    return delegate.name();
  }

  @Override
  public String instanceId() {
    return delegate.instanceId();
  }

  @Override
  public Duration defaultCommandTimeout() {
    return delegate.defaultCommandTimeout();
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  @Override
  public boolean isReady() {
    return delegate.isReady();
  }

  @Override
  public boolean isHealthy() {
    return delegate.isHealthy();
  }

  @Override
  public boolean answersInProcess() {
    return delegate.answersInProcess();
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    return delegate.invoke(command, timeout).thenApply(response -> {
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
    return delegate.emit(event);
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    return delegate.registerCommand(spec, endpoint);
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    return delegate.registerSubscription(spec, message -> {
      CompletableFuture<Void> done = endpoint.deliver(message);
      deliveries.add(done);
      return done;
    });
  }
}
