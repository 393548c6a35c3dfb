package dev.purista.lambda.internal;

import dev.purista.core.message.Message;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The function's bridge, which also remembers the subscriptions this process registers, so that a message from
 * an SQS batch can be handed to them directly and its outcome awaited: the batch answer needs to know which
 * message failed, which an {@link EventBridge#emit} (fire and forget) cannot tell. Everything else goes to the
 * bridge underneath unchanged.
 */
public final class LocalSubscriptions implements EventBridge {
  private final EventBridge bridge;
  private final List<Entry> subscriptions = new CopyOnWriteArrayList<>();

  public LocalSubscriptions(EventBridge bridge) {
    this.bridge = bridge;
  }

  /** The bridge underneath. */
  public EventBridge bridge() {
    return bridge;
  }

  /**
   * Delivers {@code event} to every subscription of this process whose filter matches it; one future per
   * subscription, each failing when that subscription failed. Empty when none matches.
   */
  public List<CompletableFuture<Void>> deliver(Message event) {
    List<CompletableFuture<Void>> outcomes = new ArrayList<>();
    for (Entry entry : subscriptions) {
      if (entry.spec.filter().matches(event)) {
        outcomes.add(entry.endpoint.deliver(event));
      }
    }
    return outcomes;
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    Registration registration = bridge.registerSubscription(spec, endpoint);
    Entry entry = new Entry(spec, endpoint);
    subscriptions.add(entry);
    return () -> {
      subscriptions.remove(entry);
      registration.close();
    };
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    return bridge.registerCommand(spec, endpoint);
  }

  @Override
  public String name() {
    return bridge.name();
  }

  @Override
  public String instanceId() {
    return bridge.instanceId();
  }

  @Override
  public Duration defaultCommandTimeout() {
    return bridge.defaultCommandTimeout();
  }

  @Override
  public boolean answersInProcess() {
    return bridge.answersInProcess();
  }

  @Override
  public void start() {
    bridge.start();
  }

  @Override
  public void stopAccepting() {
    bridge.stopAccepting();
  }

  @Override
  public void stop() {
    bridge.stop();
  }

  @Override
  public boolean isReady() {
    return bridge.isReady();
  }

  @Override
  public boolean isHealthy() {
    return bridge.isHealthy();
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    return bridge.invoke(command, timeout);
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    return bridge.emit(event);
  }

  /** One registered subscription; identity matters, so that closing removes this one only. */
  private static final class Entry {
    private final SubscriptionSpec spec;
    private final SubscriptionEndpoint endpoint;

    private Entry(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
      this.spec = spec;
      this.endpoint = endpoint;
    }
  }
}
