package dev.purista.testkit;

import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers events to one subscription through the real pipeline, on an in-memory bridge that round-trips every
 * message through JSON, and waits for the handler to finish.
 *
 * <pre>{@code
 * try (var harness = SubscriptionHarness.of("email", "1", SendWelcomeSubscription.DEFINITION)) {
 *   harness.deliver(new UserSignedUp("a@b.c")).assertSuccess();
 * }
 * }</pre>
 */
public final class SubscriptionHarness implements AutoCloseable {
  private final RecordingBridge bridge;
  private final SubscriptionFilter filter;
  private final ServiceDefinition service;
  private final ServiceOptions options;
  private Service instance;
  private Duration timeout = Duration.ofSeconds(10);

  private SubscriptionHarness(String serviceName, String serviceVersion, SubscriptionDefinition<?, ?> subscription,
      ServiceOptions options) {
    this.bridge = new RecordingBridge(DefaultEventBridge.configure(o -> o.jsonRoundTrip(true)));
    this.filter = subscription.filter();
    this.service = ServiceDefinition.builder(serviceName, serviceVersion).subscription(subscription).build();
    this.options = options;
    bridge.start();
  }

  public static SubscriptionHarness of(String serviceName, String serviceVersion,
      SubscriptionDefinition<?, ?> subscription) {
    return new SubscriptionHarness(serviceName, serviceVersion, subscription, ServiceOptions.defaults());
  }

  public static SubscriptionHarness of(String serviceName, String serviceVersion,
      SubscriptionDefinition<?, ?> subscription, ServiceOptions options) {
    return new SubscriptionHarness(serviceName, serviceVersion, subscription, options);
  }

  /** How long {@link #deliver} waits for the handler; 10 seconds by default. */
  public SubscriptionHarness timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  /**
   * Emits an event that matches the subscription's filter, carrying {@code payload}, and waits until the
   * handler finished.
   */
  public SubscriptionOutcome deliver(Object payload) {
    return deliver(matchingEvent(payload));
  }

  /** Delivers a message of your own; it must match the subscription's filter. */
  public SubscriptionOutcome deliver(Message event) {
    if (!filter.matches(event)) {
      throw new IllegalArgumentException("the message does not match the subscription's filter " + filter);
    }
    if (instance == null) {
      instance = service.getInstance(bridge, options);
      instance.start();
    }
    bridge.clear();
    bridge.emit(event).join();
    try {
      CompletableFuture<Void> delivery = bridge.nextDelivery(timeout);
      if (delivery == null) {
        throw new AssertionError("the subscription was not called within " + timeout.toMillis() + " ms");
      }
      delivery.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new SubscriptionOutcome(null, bridge.events().subList(1, bridge.events().size()));
    } catch (ExecutionException e) {
      return new SubscriptionOutcome(e.getCause(), bridge.events().subList(1, bridge.events().size()));
    } catch (TimeoutException e) {
      throw new AssertionError("the subscription did not finish within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private Message matchingEvent(Object payload) {
    MessageAddress sender = new MessageAddress(
        orDefault(filter.senderServiceName(), "test"), orDefault(filter.senderServiceVersion(), "1"),
        orDefault(filter.senderServiceTarget(), "test"), orDefault(filter.senderInstanceId(), bridge.instanceId()));
    MessageAddress receiver = filter.receiverServiceName() == null && filter.receiverServiceTarget() == null ? null
        : new MessageAddress(orDefault(filter.receiverServiceName(), "test"),
            orDefault(filter.receiverServiceVersion(), "1"), orDefault(filter.receiverServiceTarget(), "test"),
            filter.receiverInstanceId());
    return Message.builder(filter.messageType() != null ? filter.messageType() : MessageType.CUSTOM_MESSAGE)
        .eventName(filter.eventName())
        .traceId(MessageIds.newId())
        .principalId(filter.principalId())
        .tenantId(filter.tenantId())
        .sender(sender)
        .receiver(receiver)
        .payload(payload)
        .build();
  }

  private static String orDefault(String value, String fallback) {
    return value != null ? value : fallback;
  }

  @Override
  public void close() {
    if (instance != null) {
      instance.stop(Duration.ofSeconds(5));
    }
    bridge.stop();
  }
}
