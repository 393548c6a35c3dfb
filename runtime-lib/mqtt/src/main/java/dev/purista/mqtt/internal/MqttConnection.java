package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5Unsubscribe;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5UnsubscribeBuilder;
import dev.purista.core.spi.support.BridgeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection with its session: connect, subscribe, publish, disconnect, and what happens in between
 * when the broker goes away. The HiveMQ client reconnects by itself with backoff; after a reconnect it
 * resubscribes when the broker no longer has the session (a clean session, or a broker restarted without
 * persistence), and a persistent session that the broker kept brings its subscriptions and unacknowledged
 * messages back by itself. Either way, what was registered before a drop is served after it.
 *
 * <p>A publish while the connection is down waits for the reconnect, up to a bound the caller gives, instead of
 * failing at once: a broker restart of a second should cost a caller latency, not an error.
 */
public final class MqttConnection {
  /** The MQTT bridge's reconnects, redeliveries and dead letters. */
  static final BridgeMetrics METRICS = BridgeMetrics.of("mqtt");
  private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
  /**
   * Runs message callbacks on the client's I/O thread instead of handing them to the client's default RxJava
   * computation pool. A request/reply crosses that hand-off twice (the call at the responder, the response at the
   * caller), and on a busy machine each one waits for a thread to be scheduled; measured with benchmarks/mqtt, it
   * was most of the bridge's extra p50 latency over the raw client. It is safe because no callback of the bridge
   * blocks: each decodes, hands the message to an endpoint that returns at once (handlers run on the service's
   * executor), and publishes or acknowledges asynchronously.
   */
  private static final Executor ON_IO_THREAD = Runnable::run;

  private final String name;
  private final Mqtt5AsyncClient client;
  private final boolean persistentSession;
  private final long sessionExpirySeconds;
  private final Duration keepAlive;
  private final Duration ioTimeout;
  private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
  private volatile boolean wasConnected;
  private volatile boolean closing;
  private volatile Throwable lastFailure;
  private volatile Runnable afterReconnect = () -> { };
  private volatile long backSinceNanos;
  private volatile boolean cameBack;

  /**
   * @param name what the connection is for, in log lines
   * @param persistentSession {@code true}: the broker keeps the session (subscriptions, unacknowledged QoS 1
   *     messages) for {@code sessionExpiry} across disconnects; {@code false}: a clean session that ends with
   *     the connection
   */
  public MqttConnection(String name, String clientId, boolean persistentSession, ClientFactory factory) {
    this.name = name;
    this.persistentSession = persistentSession;
    this.sessionExpirySeconds = persistentSession ? factory.config().sessionExpiry().getSeconds() : 0;
    this.keepAlive = factory.config().keepAlive();
    this.ioTimeout = factory.config().connectTimeout();
    this.client = factory.build(clientId, this::onConnected, this::onDisconnected);
  }

  /**
   * Connects and waits for the broker's CONNACK.
   *
   * @return whether the broker still had this client id's session
   * @throws IllegalStateException when the broker cannot be reached in time or refuses the connection
   */
  public boolean connect() {
    try {
      Mqtt5ConnAck connAck = client.connectWith()
          .cleanStart(!persistentSession)
          .sessionExpiryInterval(sessionExpirySeconds)
          .keepAlive((int) Math.min(65_535, keepAlive.getSeconds()))
          .send()
          .get(ioTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return connAck.isSessionPresent();
    } catch (ExecutionException | TimeoutException e) {
      // Stops the client's own reconnect attempts: a bridge that failed to start must not keep dialling.
      disconnect(false);
      // A refused TLS handshake or login makes the client try again rather than fail the connect, so the reason
      // is the last attempt's, not the timeout's.
      Throwable cause = e instanceof ExecutionException ? e.getCause() : lastFailure != null ? lastFailure : e;
      throw new IllegalStateException("MQTT connection " + name + " to the broker failed within "
          + ioTimeout.toMillis() + " ms: " + describe(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      disconnect(false);
      throw new IllegalStateException("interrupted while connecting " + name, e);
    }
  }

  public boolean isConnected() {
    return client.getState() == MqttClientState.CONNECTED;
  }

  /** Connected, or trying to reconnect on its own. */
  public boolean isAlive() {
    return !closing && client.getState().isConnectedOrReconnect();
  }

  /**
   * Publishes once connected, waiting at most {@code maxWait} for a reconnect.
   *
   * <p>Publishes that waited are handed to the client from a pool thread, never from the thread that completes
   * the reconnect: that is the client's I/O thread (it reports the CONNACK), and the client's publish queue blocks
   * its caller when it is full until that very thread drains it. Released on the I/O thread, the backlog of an
   * outage deadlocked the connection: no publish, no ping, until the broker dropped the client for its silence.
   */
  public CompletableFuture<Mqtt5PublishResult> publishWhenConnected(Mqtt5Publish publish, Duration maxWait) {
    CompletableFuture<Void> ready = connected;
    if (ready.isDone()) {
      return client.publish(publish);
    }
    return ready.copy().orTimeout(maxWait.toMillis(), TimeUnit.MILLISECONDS)
        .thenComposeAsync(ignored -> client.publish(publish));
  }

  /**
   * Hands every message this connection receives to {@code callback}. Call it before {@link #connect()} on a
   * connection that serves one subscription, so that no message of a resumed session can arrive unseen.
   */
  void consume(MqttGlobalPublishFilter filter, Consumer<Mqtt5Publish> callback, boolean manualAck) {
    client.publishes(filter, callback, ON_IO_THREAD, manualAck);
  }

  /** Subscribes {@code filters} for a consumer set with {@link #consume}, and waits for the SUBACK. */
  void subscribe(List<String> filters, int qos) {
    subscribe(filters, qos, null, false);
  }

  /**
   * Subscribes {@code filters} with one callback and waits for the SUBACK. The callback runs on the client's
   * I/O thread; it must hand work off and return.
   *
   * @throws IllegalStateException when the broker refuses a filter or does not answer in time
   */
  void subscribe(List<String> filters, int qos, Consumer<Mqtt5Publish> callback, boolean manualAck) {
    Mqtt5SubAck subAck;
    try {
      Mqtt5Subscribe subscribe = subscribeMessage(filters, qos);
      CompletableFuture<Mqtt5SubAck> sent = callback == null ? client.subscribe(subscribe)
          : client.subscribe(subscribe, callback, ON_IO_THREAD, manualAck);
      subAck = sent.get(ioTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      unsubscribeLater(filters);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("MQTT subscribe of " + filters + " on " + name + " failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unsubscribeLater(filters);
      throw new IllegalStateException("interrupted while subscribing " + filters, e);
    }
    List<Mqtt5SubAckReasonCode> codes = subAck.getReasonCodes();
    for (int i = 0; i < codes.size(); i++) {
      if (codes.get(i).isError()) {
        unsubscribeLater(filters);
        throw new IllegalStateException("the broker refused subscription " + filters.get(i) + " on " + name + ": "
            + codes.get(i));
      }
    }
  }

  /**
   * Subscribes {@code filter} with {@code callback} without waiting; the future fails when the broker refuses it.
   * Unsubscribing again is the caller's part.
   */
  public CompletableFuture<Void> subscribeLater(String filter, int qos, Consumer<Mqtt5Publish> callback) {
    return client.subscribe(subscribeMessage(List.of(filter), qos), callback, ON_IO_THREAD).thenAccept(subAck -> {
      if (subAck.getReasonCodes().get(0).isError()) {
        throw new IllegalStateException("the broker refused subscription " + filter + " on " + name + ": "
            + subAck.getReasonCodes().get(0));
      }
    });
  }

  /** Unsubscribes without waiting and without complaint: for subscriptions that no longer matter. */
  public void dropSubscription(String filter) {
    if (!closing) {
      unsubscribeLater(List.of(filter)).exceptionally(ignored -> null);
    }
  }

  /**
   * Unsubscribes and waits (bounded) for the UNSUBACK; logs instead of failing, since it runs on the way out.
   * While the connection is down there is nothing to wait for: the request goes out after the reconnect.
   */
  void unsubscribe(List<String> filters) {
    CompletableFuture<?> done = unsubscribeLater(filters);
    if (!isConnected()) {
      return;
    }
    try {
      done.get(ioTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("MQTT unsubscribe of {} on {} did not complete: {}", filters, name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<?> unsubscribeLater(List<String> filters) {
    Mqtt5UnsubscribeBuilder builder = Mqtt5Unsubscribe.builder();
    Mqtt5UnsubscribeBuilder.Complete complete = null;
    for (String filter : filters) {
      complete = (complete == null ? builder : complete).addTopicFilter(filter);
    }
    return complete == null ? CompletableFuture.completedFuture(null) : client.unsubscribe(complete.build());
  }

  /**
   * Disconnects. {@code endSession} tells the broker to drop a persistent session now rather than keep it for
   * its expiry; a clean session ends anyway.
   */
  public CompletableFuture<Void> disconnect(boolean endSession) {
    closing = true;
    CompletableFuture<Void> done;
    try {
      done = endSession && persistentSession
          ? client.disconnectWith().sessionExpiryInterval(0).send()
          : client.disconnect();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
    return done.exceptionally(failure -> null);
  }

  /** Waits for {@link #disconnect} at most the I/O timeout. */
  public void disconnectAndWait(boolean endSession) {
    try {
      disconnect(endSession).get(ioTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("MQTT disconnect of {} did not complete: {}", name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether a publish failed because the connection went away while it was in flight, as opposed to a broker
   * refusal: the packet may or may not have reached the broker.
   */
  public static boolean isConnectionLoss(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof MqttSessionExpiredException || cause instanceof MqttClientStateException
        || cause instanceof ConnectionClosedException;
  }

  /** Whether a publish failed because the connection did not come back within the wait it was given. */
  public static boolean isStillDown(Throwable failure) {
    return unwrap(failure) instanceof TimeoutException;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /**
   * What is left of {@code window} counted from the moment the connection last came back after a drop; zero when
   * it never dropped or the window has passed.
   */
  public Duration leftSinceReconnect(Duration window) {
    if (!cameBack) {
      return Duration.ZERO;
    }
    Duration left = window.minusNanos(System.nanoTime() - backSinceNanos);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Runs {@code action} on the client's thread each time the connection is back after a drop. */
  void afterReconnect(Runnable action) {
    this.afterReconnect = action;
  }

  /**
   * Subscribes again without waiting, after a reconnect and periodically for durable shared subscriptions.
   * Renewing a subscription the session still has is harmless (the broker replaces it and keeps the session's
   * queued messages), and it repairs brokers that lose track of a persistent session's subscriptions after a
   * restart: Mosquitto 2.0.11 restores shared subscriptions from its persistence file in a state that acknowledges
   * publishes but delivers nothing, and HiveMQ CE 2025.5 stops pushing to shared subscribers after a crash until
   * they subscribe or connect again.
   */
  void resubscribe(List<String> filters, int qos) {
    client.subscribe(subscribeMessage(filters, qos)).whenComplete((subAck, failure) -> {
      if (failure != null && isConnected()) {
        LOG.warn("MQTT connection {}: renewing {} failed: {}", name, filters, failure.toString());
      }
    });
  }

  private static Mqtt5Subscribe subscribeMessage(List<String> filters, int qos) {
    Mqtt5SubscribeBuilder builder = Mqtt5Subscribe.builder();
    Mqtt5SubscribeBuilder.Complete complete = null;
    for (String filter : filters) {
      complete = (complete == null ? builder : complete).addSubscription()
          .topicFilter(filter).qos(MqttQos.fromCode(qos)).applySubscription();
    }
    if (complete == null) {
      throw new IllegalArgumentException("no filters");
    }
    return complete.build();
  }

  private void onConnected(MqttClientConnectedContext context) {
    boolean reconnect = wasConnected;
    wasConnected = true;
    connected.complete(null);
    if (reconnect) {
      backSinceNanos = System.nanoTime();
      cameBack = true;
      METRICS.reconnected();
      LOG.info("MQTT connection {} is back", name);
      afterReconnect.run();
    }
  }

  /** The exception and its root cause, which is where TLS and network errors say what went wrong. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? failure.toString() : failure + " (" + root + ")";
  }

  private void onDisconnected(MqttClientDisconnectedContext context) {
    lastFailure = context.getCause();
    if (connected.isDone()) {
      connected = new CompletableFuture<>();
      if (!closing && context.getSource() != MqttDisconnectSource.USER) {
        LOG.warn("MQTT connection {} lost ({}); reconnecting", name, context.getCause().toString());
      }
    } else if (!closing) {
      LOG.debug("MQTT connection {}: attempt failed ({})", name, context.getCause().toString());
    }
  }
}
