package dev.purista.core.spi.support;

import dev.purista.core.message.Message;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An event bridge that passes every call on to another one; a subclass overrides what it adds (counting, recording,
 * remembering registrations) and inherits the rest, so that a method added to {@link EventBridge} is forwarded in
 * one place.
 */
public class ForwardingEventBridge implements EventBridge {
  private final EventBridge bridge;

  /** Forwards to {@code bridge}. */
  public ForwardingEventBridge(EventBridge bridge) {
    this.bridge = Objects.requireNonNull(bridge, "bridge == null");
  }

  /** The bridge underneath. */
  public EventBridge delegate() {
    return bridge;
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

  /**
   * What the bridge underneath promises; a subclass whose {@link #invoke} can leave a call open longer (one that
   * holds calls back, say) must override this and say no.
   */
  @Override
  public boolean timesOutEveryCall() {
    return bridge.timesOutEveryCall();
  }

  @Override
  public boolean connectsToABroker() {
    return bridge.connectsToABroker();
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

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    return bridge.registerCommand(spec, endpoint);
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    return bridge.registerSubscription(spec, endpoint);
  }
}
