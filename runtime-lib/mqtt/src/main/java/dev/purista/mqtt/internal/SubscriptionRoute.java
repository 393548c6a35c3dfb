package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one subscription address on a connection of its own.
 *
 * <p>Why a connection per subscription: a broker sends one copy of a message per matching subscription of a
 * session, and the HiveMQ client hands every copy to every callback whose filter matches, so two overlapping
 * subscriptions on one connection would each see every message twice. One subscription per connection also gives
 * each durable subscription its own persistent session, whose unacknowledged messages the broker keeps and
 * resends, and whose in-order acknowledgement cannot hold up another subscription.
 *
 * <ul>
 *   <li>Shared: the filter is a shared subscription ({@code $share/<group>/...}), so each message goes to one
 *       instance of the service. Every instance: a plain subscription, one copy per instance.</li>
 *   <li>Durable: QoS 1 on a persistent session with manual acknowledgement after the handler succeeded
 *       ({@link DurableDelivery}). Non-durable: a clean session, acknowledged on receipt, at most once.</li>
 * </ul>
 *
 * <p>The topic filter is coarser than PURISTA's filter, so every message is checked against the subscription's
 * filter after decoding; what does not match is acknowledged and dropped.
 */
public final class SubscriptionRoute {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRoute.class);

  private final SubscriptionSpec spec;
  private final String name;
  private final List<String> filters;
  private final int qos;
  private final boolean resumable;
  private final MqttConnection connection;
  private final WireFormat wire;
  private final DeadLetters deadLetters;
  private final DurableDelivery.Rules rules;
  private final InFlight inFlight = new InFlight();
  private final LocalEndpoints<SubscriptionEndpoint> endpoints = new LocalEndpoints<>();
  private volatile boolean closed;

  /** The settings a route takes from its bridge. */
  public record Settings(String clientId, boolean resumable, int nonDurableQos, int maxRetries, Duration retryDelay,
      Duration eventExpiry, Duration publishWait) {
  }

  public SubscriptionRoute(SubscriptionSpec spec, Topology topology, WireFormat wire, ClientFactory clients,
      Settings settings, ScheduledExecutorService scheduler) {
    this.spec = spec;
    this.name = "subscription " + spec.address().describe();
    this.filters = topology.subscriptionFilters(spec);
    this.qos = spec.durable() ? 1 : settings.nonDurableQos();
    this.resumable = settings.resumable();
    this.wire = wire;
    this.connection = new MqttConnection(name,
        Topology.subscriptionClientId(settings.clientId(), spec.address()), spec.durable(), clients);
    this.deadLetters = new DeadLetters(topology.deadLetterTopic(spec.address()), connection, settings.eventExpiry(),
        settings.publishWait());
    this.rules = new DurableDelivery.Rules(name, settings.maxRetries(), settings.retryDelay(), scheduler,
        deadLetters, inFlight, () -> closed);
  }

  public SubscriptionSpec spec() {
    return spec;
  }

  public void add(SubscriptionEndpoint endpoint) {
    endpoints.add(endpoint);
  }

  /** Removes {@code endpoint}; {@code true} when it was the last, and the route should close. */
  public boolean remove(SubscriptionEndpoint endpoint) {
    return endpoints.remove(endpoint);
  }

  /**
   * Connects and subscribes. The consumer is in place before the connection: a resumed session may start
   * sending its kept messages right after the CONNACK, and a message that finds no consumer would be
   * acknowledged by the client unseen.
   */
  public void open() {
    connection.consume(MqttGlobalPublishFilter.ALL, this::onMessage, spec.durable());
    if (spec.durable()) {
      // A clean session is resubscribed by the client itself; a resumed one is trusted to have its
      // subscriptions, which not every broker gets right.
      connection.afterReconnect(() -> connection.resubscribe(filters, qos));
    }
    boolean resumed = connection.connect();
    if (resumed) {
      LOG.info("{}: resumed its broker session; messages kept while it was away follow", name);
    }
    try {
      connection.subscribe(filters, qos);
    } catch (RuntimeException e) {
      connection.disconnect(false);
      throw e;
    }
  }

  public boolean isConnected() {
    return connection.isConnected();
  }

  public boolean isAlive() {
    return connection.isAlive();
  }

  /**
   * Stops taking messages, lets those in flight finish (at most {@code grace}), then disconnects.
   * <ul>
   *   <li>Durable with a resumable session: the broker subscription stays, so that what is published while this
   *       process is away waits in the session for the next one with the same client id; messages that arrive
   *       while closing stay unacknowledged and come back then.</li>
   *   <li>Otherwise the subscription is removed first, so that the broker gives the other instances what this one
   *       would have got, and a durable session is ended, since no one can resume it.</li>
   * </ul>
   */
  public CompletableFuture<Void> close(Duration grace) {
    boolean keepSession = spec.durable() && resumable;
    if (!keepSession) {
      connection.unsubscribe(filters);
    }
    closed = true;
    return inFlight.whenIdle().copy().orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .handle((idle, timeout) -> {
          if (timeout != null) {
            LOG.warn("{}: {} messages still in flight after {} ms; disconnecting anyway", name, inFlight.count(),
                grace.toMillis());
          }
          return connection.disconnect(spec.durable() && !keepSession);
        })
        .thenCompose(disconnected -> disconnected);
  }

  /** Runs on the client's I/O thread. */
  void onMessage(Mqtt5Publish publish) {
    if (closed) {
      // Not acknowledged: a kept session gets it again when resumed; a clean one never promised to.
      return;
    }
    Message message;
    try {
      message = wire.decode(publish);
    } catch (MalformedMessageException e) {
      rejectMalformed(publish, e);
      return;
    }
    if (!spec.filter().matches(message)) {
      LOG.trace("{}: message {} is outside the filter", name, message.id());
      acknowledge(publish);
      return;
    }
    List<SubscriptionEndpoint> targets = spec.shared() ? single(endpoints.next()) : endpoints.all();
    if (targets.isEmpty()) {
      return;
    }
    if (spec.durable()) {
      DurableDelivery.start(rules, message, publish, targets);
    } else {
      for (SubscriptionEndpoint target : targets) {
        deliverAtMostOnce(target, message);
      }
    }
  }

  private void deliverAtMostOnce(SubscriptionEndpoint target, Message message) {
    inFlight.enter();
    try {
      target.deliver(message).whenComplete((ok, failure) -> {
        inFlight.exit();
        if (failure != null) {
          LOG.debug("{} failed on message {}; a non-durable subscription does not redeliver", name, message.id());
        }
      });
    } catch (RuntimeException e) {
      inFlight.exit();
      LOG.error("{} threw on delivery of message {}", name, message.id(), e);
    }
  }

  private void rejectMalformed(Mqtt5Publish publish, MalformedMessageException e) {
    int size = publish.getPayloadAsBytes().length;
    if (!spec.durable()) {
      LOG.warn("{}: dropped a malformed message on {} ({} bytes): {}", name, publish.getTopic(), size,
          e.getMessage());
      return;
    }
    LOG.warn("{}: dead-lettering a malformed message from {} ({} bytes) to {}: {}", name, publish.getTopic(), size,
        deadLetters.topic(), e.getMessage());
    inFlight.enter();
    deadLetters.send(publish, "malformed: " + e.getMessage(), 0).whenComplete((taken, ignored) -> {
      if (Boolean.TRUE.equals(taken)) {
        acknowledge(publish);
      }
      inFlight.exit();
    });
  }

  private void acknowledge(Mqtt5Publish publish) {
    if (spec.durable()) {
      publish.acknowledge();
    }
  }

  private static List<SubscriptionEndpoint> single(SubscriptionEndpoint endpoint) {
    return endpoint == null ? List.of() : List.of(endpoint);
  }
}
