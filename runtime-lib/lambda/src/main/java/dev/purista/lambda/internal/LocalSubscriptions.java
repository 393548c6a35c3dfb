package dev.purista.lambda.internal;

import dev.purista.core.message.Message;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.ForwardingEventBridge;
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
public final class LocalSubscriptions extends ForwardingEventBridge {
  private final List<Entry> subscriptions = new CopyOnWriteArrayList<>();

  public LocalSubscriptions(EventBridge bridge) {
    super(bridge);
  }

  /** The bridge underneath. */
  public EventBridge bridge() {
    return delegate();
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
    Registration registration = super.registerSubscription(spec, endpoint);
    Entry entry = new Entry(spec, endpoint);
    subscriptions.add(entry);
    return () -> {
      subscriptions.remove(entry);
      registration.close();
    };
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
