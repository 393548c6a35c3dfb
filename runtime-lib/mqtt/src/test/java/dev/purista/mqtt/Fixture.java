package dev.purista.mqtt;

import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageIds;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Bridges, services and raw clients of one test, closed in reverse order after it, so that a failing test does
 * not leave connections behind for the next.
 */
final class Fixture implements AutoCloseable {
  private final BrokerProcess broker;
  private final Deque<Runnable> open = new ArrayDeque<>();

  Fixture(BrokerProcess broker) {
    this.broker = broker;
  }

  /** A started bridge on the broker, with test-friendly timings, changed by {@code settings}. */
  MqttBridge bridge(Consumer<MqttBridgeConfig.Builder> settings) {
    MqttBridge bridge = MqttBridge.configure(config -> {
      config.url(broker.url()).retryDelay(Duration.ofMillis(20)).stopTimeout(Duration.ofSeconds(5))
          .reconnectDelay(Duration.ofMillis(100)).reconnectMaxDelay(Duration.ofMillis(500));
      settings.accept(config);
    });
    bridge.start();
    open.push(bridge::stop);
    return bridge;
  }

  MqttBridge bridge() {
    return bridge(config -> { });
  }

  Service serve(ServiceDefinition definition, EventBridge bridge) {
    Service service = definition.getInstance(bridge);
    service.start();
    open.push(() -> service.stop(Duration.ofSeconds(5)));
    return service;
  }

  RawClient raw(String clientId) {
    RawClient client = RawClient.connect(broker, clientId);
    open.push(client::close);
    return client;
  }

  /** {@code base} with a random suffix, so that tests on a shared broker never see each other's topics. */
  static String unique(String base) {
    return base + MessageIds.newId().substring(0, 10);
  }

  static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
      }
      sleep(Duration.ofMillis(10));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    RuntimeException first = null;
    while (!open.isEmpty()) {
      try {
        open.pop().run();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
