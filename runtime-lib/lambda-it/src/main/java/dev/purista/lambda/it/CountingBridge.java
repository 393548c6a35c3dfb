package dev.purista.lambda.it;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.Message;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory bridge, counting how often it was started and how many commands were registered on it in this
 * JVM: a function that started its services on every invocation would show it here, whatever it logs.
 */
public final class CountingBridge implements EventBridge {
  static final AtomicInteger STARTS = new AtomicInteger();
  static final AtomicInteger COMMAND_REGISTRATIONS = new AtomicInteger();

  private final DefaultEventBridge bridge = new DefaultEventBridge();

  public CountingBridge() {
  }

  @Override
  public void start() {
    STARTS.incrementAndGet();
    bridge.start();
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    COMMAND_REGISTRATIONS.incrementAndGet();
    return bridge.registerCommand(spec, endpoint);
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    return bridge.registerSubscription(spec, endpoint);
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
}
