package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.BrokerDelivery;
import dev.purista.core.spi.support.DeliveryPolicy;
import dev.purista.core.spi.support.InFlight;
import dev.purista.core.spi.support.RoundRobin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 *   <li>Durable: QoS 1 on a persistent session with manual acknowledgement, settled by the shared
 *       {@link DeliveryPolicy}. Non-durable: a clean session, acknowledged on receipt, at most once.</li>
 * </ul>
 *
 * <p>The topic filter is coarser than PURISTA's filter, so every message is checked against the subscription's
 * filter after decoding; what does not match is acknowledged and dropped.
 */
final class SubscriptionRoute {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRoute.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  /**
   * How often a durable shared subscription is subscribed again while connected; see {@link #renewPeriodically}.
   */
  private final SubscriptionSpec spec;
  private final String name;
  private final List<String> filters;
  private final int qos;
  private final boolean resumable;
  private final Duration sharedRenewal;
  private final MqttConnection connection;
  private final WireFormat wire;
  private final DeadLetters deadLetters;
  private final ScheduledExecutorService scheduler;
  private final InFlight inFlight = new InFlight();
  private final DeliveryPolicy policy;
  private final RoundRobin<SubscriptionEndpoint> endpoints = new RoundRobin<>();
  private volatile boolean closed;
  private volatile ScheduledFuture<?> renewal;

  /** The settings a route takes from its bridge. */
  record Settings(String clientId, boolean resumable, int nonDurableQos, int maxAttempts, Duration retryDelay,
      Duration eventExpiry, Duration publishWait, Duration sharedRenewal) {
  }

  SubscriptionRoute(SubscriptionSpec spec, Topology topology, WireFormat wire, ClientFactory clients,
      Settings settings, ScheduledExecutorService scheduler) {
    this.spec = spec;
    this.name = "subscription " + spec.address().describe();
    this.filters = topology.subscriptionFilters(spec);
    this.qos = spec.durable() ? 1 : settings.nonDurableQos();
    this.resumable = settings.resumable();
    this.sharedRenewal = settings.sharedRenewal();
    this.wire = wire;
    this.connection = new MqttConnection(name,
        Topology.subscriptionClientId(settings.clientId(), spec.address()), spec.durable(), clients);
    this.deadLetters = new DeadLetters(topology.deadLetterTopic(spec.address()), connection, settings.eventExpiry(),
        settings.publishWait());
    this.scheduler = scheduler;
    this.policy = new DeliveryPolicy(spec, settings.maxAttempts(), settings.retryDelay(), inFlight,
        MqttConnection.METRICS);
  }

  SubscriptionSpec spec() {
    return spec;
  }

  void add(SubscriptionEndpoint endpoint) {
    endpoints.add(endpoint);
  }

  /** Removes {@code endpoint}; {@code true} when it was the last, and the route should close. */
  boolean remove(SubscriptionEndpoint endpoint) {
    return endpoints.remove(endpoint);
  }

  /**
   * Connects and subscribes. The consumer is in place before the connection: a resumed session may start
   * sending its kept messages right after the CONNACK, and a message that finds no consumer would be
   * acknowledged by the client unseen.
   */
  void open() {
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
    if (spec.durable() && spec.shared() && !sharedRenewal.isZero()) {
      renewPeriodically();
    }
  }

  /**
   * Subscribes a durable shared subscription again every {@code sharedRenewal} while connected, because a SUBSCRIBE
   * is what makes HiveMQ CE (2025.5) look into the shared queue for this client once more.
   *
   * <p>HiveMQ pushes a message of a shared subscription to a member only when the message lands in an empty shared
   * queue; otherwise a member gets it by polling, which it does when it connects or subscribes and when its messages
   * in flight are acknowledged. A message that was in flight when the broker was killed keeps its in-flight mark in
   * the broker's files, so after the restart the queue is never empty again. Then a subscriber that has caught up
   * polls an empty queue once and gets nothing more until it connects or subscribes again, although the broker
   * acknowledged every event to its publisher (docs/bridges/mqtt.md, Broker crashes). On Mosquitto and HiveMQ a
   * renewal of an existing subscription keeps the session and its queued messages, and events are not retained, so
   * nothing is sent twice; ActiveMQ Artemis, though, sends the messages in flight again, which is why it can be
   * turned off. It costs one SUBSCRIBE and SUBACK per interval.
   */
  private void renewPeriodically() {
    try {
      renewal = scheduler.scheduleWithFixedDelay(this::renew, sharedRenewal.toNanos(), sharedRenewal.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      // The bridge is stopping; nothing to renew.
    }
  }

  /**
   * Synchronized with {@link #stopTaking}: a renewal either goes out before its UNSUBSCRIBE or not at all, so that
   * it never subscribes again what a stopping route unsubscribed. {@code resubscribe} does not wait for the SUBACK.
   */
  private synchronized void renew() {
    if (!closed && connection.isConnected()) {
      connection.resubscribe(filters, qos);
    }
  }

  boolean isConnected() {
    return connection.isConnected();
  }

  boolean isAlive() {
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
  CompletableFuture<Void> close(Duration grace) {
    boolean keepSession = stopTaking();
    policy.close();
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

  /**
   * The first step of {@link #close}: takes no new messages, and unsubscribes unless the session is kept for the
   * next process with this client id. Idempotent.
   *
   * @return whether the session is kept
   */
  synchronized boolean stopTaking() {
    boolean keepSession = spec.durable() && resumable;
    ScheduledFuture<?> renewing = renewal;
    if (renewing != null) {
      renewing.cancel(false);
    }
    if (!closed) {
      // Unsubscribed first: what arrives until the broker confirms is still handled, not left in a session
      // that ends.
      if (!keepSession) {
        connection.unsubscribe(filters);
      }
      closed = true;
    }
    return keepSession;
  }

  /** Runs on the client's I/O thread. */
  void onMessage(Mqtt5Publish publish) {
    if (closed) {
      // Not acknowledged: a kept session gets it again when resumed; a clean one never promised to.
      return;
    }
    policy.accept(new TopicDelivery(publish, 1), this::deliver);
  }

  /**
   * To one endpoint in turn for a shared subscription, to each for an every-instance one; done when every one is.
   * A retry goes to all of them again, which at least once allows.
   */
  private CompletableFuture<Void> deliver(Message message) {
    List<SubscriptionEndpoint> targets = spec.shared() ? single(endpoints.next()) : List.copyOf(endpoints.all());
    if (targets.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " has no endpoint left"));
    }
    if (targets.size() == 1) {
      return targets.get(0).deliver(message);
    }
    return CompletableFuture.allOf(targets.stream().map(target -> deliverTo(target, message))
        .toArray(CompletableFuture[]::new));
  }

  private static CompletableFuture<Void> deliverTo(SubscriptionEndpoint target, Message message) {
    try {
      return target.deliver(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void acknowledge(Mqtt5Publish publish) {
    if (spec.durable()) {
      publish.acknowledge();
    }
  }

  private static List<SubscriptionEndpoint> single(SubscriptionEndpoint endpoint) {
    return endpoint == null ? List.of() : List.of(endpoint);
  }

  /**
   * A message of the subscription's session. MQTT has no negative acknowledgement, and a broker resends an
   * unacknowledged message only when the session reconnects, so a retry runs the delivery again here, off the
   * client's I/O thread. A message left unacknowledged (released, or not taken as a dead letter) comes back when
   * a kept session resumes; a clean session never promised it.
   */
  private final class TopicDelivery implements BrokerDelivery {
    private final Mqtt5Publish publish;
    private final int attempt;

    TopicDelivery(Mqtt5Publish publish, int attempt) {
      this.publish = publish;
      this.attempt = attempt;
    }

    @Override
    public Message decode() throws MalformedMessageException {
      return wire.decode(publish);
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public String source() {
      return "topic " + publish.getTopic();
    }

    @Override
    public CompletableFuture<Void> ack() {
      acknowledge(publish);
      return DONE;
    }

    @Override
    public CompletableFuture<Void> retry(Duration delay) {
      // Counted as in flight while it waits, so that a stop waits for the retry too.
      inFlight.begin();
      try {
        scheduler.schedule(() -> {
          try {
            redeliver();
          } finally {
            inFlight.end();
          }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        inFlight.end();
        LOG.info("{}: stopped before message could be retried; left unacknowledged", name);
      }
      return DONE;
    }

    private void redeliver() {
      if (closed) {
        LOG.info("{} closed while a message waited for its retry; left unacknowledged for redelivery", name);
        return;
      }
      policy.accept(new TopicDelivery(publish, attempt + 1), SubscriptionRoute.this::deliver);
    }

    @Override
    public CompletableFuture<Void> deadLetter(String reason) {
      return deadLetters.send(publish, reason, attempt).thenAccept(taken -> {
        if (taken) {
          acknowledge(publish);
        }
      });
    }

    @Override
    public CompletableFuture<Void> release() {
      return DONE;
    }
  }
}
