package dev.purista.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.LocalCommands;
import dev.purista.core.spi.support.PendingInvocations;
import dev.purista.mqtt.internal.BrokerVersion;
import dev.purista.mqtt.internal.ClientFactory;
import dev.purista.mqtt.internal.EventPublisher;
import dev.purista.mqtt.internal.MqttConnection;
import dev.purista.mqtt.internal.ResponseRoute;
import dev.purista.mqtt.internal.Routes;
import dev.purista.mqtt.internal.Topology;
import dev.purista.mqtt.internal.WireFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bridge over an MQTT 5 broker, with PURISTA's topology, so that Java and TypeScript PURISTA services
 * on one broker call each other:
 * <ul>
 *   <li>Every message goes on PURISTA's 13-segment topic
 *       ({@code purista/<type>/<principal>/<tenant>/<sender...>/<event>/<receiver...>}), its body the PURISTA
 *       JSON envelope.</li>
 *   <li>Commands: every instance of a service subscribes to the command's filter as an MQTT 5 shared subscription
 *       ({@code $share/sharedpurista/...}), so the broker gives each call to one instance. The call carries
 *       {@code responseTopic} and {@code correlationData}; a QoS 1 PUBACK with "no matching subscribers" (0x10)
 *       fails the call at once with {@code NO_HANDLERS}, and a call nobody answers fails at its deadline with
 *       {@code TIMEOUT}.</li>
 *   <li>Subscriptions: shared ones on a shared subscription, every-instance ones on a plain one. Durable ones are
 *       QoS 1 on a persistent session, acknowledged after the handler succeeded, retried a bounded number of
 *       times, then dead-lettered; non-durable ones are at most once.</li>
 *   <li>The HiveMQ client reconnects by itself; what was registered before a drop is served after it.</li>
 * </ul>
 *
 * <pre>{@code
 * EventBridge bridge = MqttBridge.fromEnvironment();                       // PURISTA_MQTT_URL, ...
 * EventBridge local = MqttBridge.configure(c -> c.url("mqtt://127.0.0.1:1883").clientId("orders-0"));
 * }</pre>
 *
 * <p>Messages are decoded on the MQTT client's I/O threads and handed to the endpoints, which return at once
 * (the service runtime runs handlers on its own executor). So the future of {@link #invoke} completes on such a
 * thread: wait for it, or chain blocking work with the {@code ...Async} methods of {@code CompletableFuture}.
 *
 * <p>With Mosquitto, set {@code set_tcp_nodelay true}: its default leaves Nagle's algorithm on, which adds about
 * 40 ms to every request/response round trip. docs/bridges/mqtt.md has the settings and guarantees.
 */
public final class MqttBridge implements EventBridge {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
  private static final Duration VERSION_WAIT = Duration.ofSeconds(2);

  private final MqttBridgeConfig config;
  private final Topology topology;
  private final WireFormat wire;
  private final ClientFactory clients;
  private final Routes routes;
  private volatile Session session;
  private volatile LocalCommands local = new LocalCommands();
  private volatile CompletableFuture<Optional<String>> brokerVersion = CompletableFuture.completedFuture(
      Optional.empty());

  MqttBridge(MqttBridgeConfig config) {
    this.config = config;
    this.topology = new Topology(config.topicPrefix(), config.shareGroup(), config.instanceId());
    this.wire = new WireFormat(new MessageCodec());
    this.clients = new ClientFactory(config);
    this.routes = new Routes(config, topology, wire, clients);
  }

  /** A bridge with the settings of the {@code PURISTA_MQTT_*} environment variables. */
  public static MqttBridge fromEnvironment() {
    return new MqttBridge(MqttBridgeConfig.fromEnvironment());
  }

  /** A bridge with the defaults, changed by {@code configuration}. */
  public static MqttBridge configure(Consumer<MqttBridgeConfig.Builder> configuration) {
    MqttBridgeConfig.Builder builder = MqttBridgeConfig.builder();
    configuration.accept(builder);
    return new MqttBridge(builder.build());
  }

  public MqttBridgeConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public String instanceId() {
    return config.instanceId();
  }

  @Override
  public Duration defaultCommandTimeout() {
    return config.defaultCommandTimeout();
  }

  @Override
  public synchronized void start() {
    if (session != null && session.state != State.STOPPED) {
      return;
    }
    Session started = Session.open(config, topology, wire, clients);
    routes.attach(started.main);
    local = new LocalCommands();
    session = started;
    LOG.info("MQTT bridge connected to {}:{} as instance {} (client id {})", config.host(), config.port(),
        config.instanceId(), config.clientId());
    // Read in the background: a broker that announces nothing must not slow every start down.
    brokerVersion = BrokerVersion.read(started.main, VERSION_WAIT).whenComplete((version, failure) -> {
      if (version != null) {
        version.flatMap(BrokerVersion::warningFor).ifPresent(LOG::warn);
      }
    });
  }

  /** What the broker announced on {@code $SYS/broker/version} after the last start; empty when nothing. */
  CompletableFuture<Optional<String>> brokerVersion() {
    return brokerVersion;
  }

  /**
   * Unsubscribes the shared command filters and the subscriptions; a durable subscription whose session is kept
   * stays subscribed and leaves what it does not take in its session. The response topic stays, so this
   * process's calls are still answered, and from now on a call to a command registered in this process is
   * delivered here without the broker.
   */
  @Override
  public void stopAccepting() {
    synchronized (this) {
      Session current = session;
      if (current == null || current.state != State.STARTED || local.servesInProcess()) {
        return;
      }
      local.serveInProcess();
    }
    routes.stopAccepting();
    LOG.info("MQTT bridge instance {} takes no new deliveries", config.instanceId());
  }

  /**
   * Stops consuming (commands and non-durable subscriptions unsubscribe; durable ones stop taking messages),
   * waits up to {@code stopTimeout} for messages in flight to be answered or acknowledged, fails the calls still
   * waiting for a response, then disconnects.
   */
  @Override
  public void stop() {
    Session stopping;
    synchronized (this) {
      stopping = session;
      if (stopping == null || stopping.state != State.STARTED) {
        return;
      }
      stopping.state = State.STOPPING;
    }
    routes.drainAndClose(config.stopTimeout());
    stopping.close();
    stopping.state = State.STOPPED;
    LOG.info("MQTT bridge instance {} stopped", config.instanceId());
  }

  @Override
  public boolean isReady() {
    Session current = session;
    return current != null && current.state == State.STARTED && current.main.isConnected() && routes.connected();
  }

  @Override
  public boolean isHealthy() {
    Session current = session;
    return current != null && current.state != State.STOPPED && current.main.isAlive() && routes.alive();
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    Session current = session;
    if (current == null || !current.accepting()) {
      return CompletableFuture.failedFuture(notStarted());
    }
    if (command.messageType() != MessageType.COMMAND || command.receiver() == null || command.sender() == null
        || command.correlationId() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "not a command with receiver, sender and correlation id: " + command));
    }
    if (!current.main.isConnected()) {
      // Publishing would wait for the reconnect until the deadline; the caller is better served by the failure
      // now, as on every other bridge.
      return CompletableFuture.failedFuture(new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "MQTT: no connection to the broker; the command was not sent", null, FailureReason.BRIDGE_FAILURE));
    }
    Duration deadline = timeout != null ? timeout : config.defaultCommandTimeout();
    Message call = fromThisInstance(command);
    CompletableFuture<Message> inProcess = local.invoke(call, deadline, this::emit);
    if (inProcess != null) {
      return inProcess;
    }
    Mqtt5Publish publish;
    try {
      publish = wire.command(call, topology.topicOf(call), topology.responseTopic(), deadline);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "command cannot be sent as JSON: " + e.getMessage(), e));
    }
    // Registered before publishing, so that a fast response cannot arrive first.
    CompletableFuture<Message> response = current.pending.register(call, deadline);
    current.main.publishWhenConnected(publish, deadline)
        .whenComplete((result, failure) -> onCommandSent(current, call, result, failure));
    return response;
  }

  private static void onCommandSent(Session session, Message call, Mqtt5PublishResult result, Throwable failure) {
    if (failure != null) {
      if (MqttConnection.isConnectionLoss(failure) || MqttConnection.isStillDown(failure)) {
        // The broker may or may not have the call, or the connection did not come back in time; the call's
        // deadline decides, as for any lost request.
        LOG.debug("call {} was in flight when the connection dropped; it ends at its deadline", call.correlationId());
      } else {
        session.pending.fail(call.correlationId(), bridgeFailure("the broker refused the call", failure));
      }
      return;
    }
    if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
        && qos1.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS) {
      session.pending.fail(call.correlationId(), HandledError.noHandlers(call.receiver()));
    }
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    Session current = session;
    if (current == null || !current.accepting()) {
      return CompletableFuture.failedFuture(notStarted());
    }
    // A service info message is the one kind without an event name: its message type says what it is.
    if (event.eventName() == null && !event.messageType().isInfo() || event.sender() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "an event needs an event name and a sender: " + event));
    }
    Message wireEvent = fromThisInstance(event);
    Mqtt5Publish publish;
    try {
      publish = wire.event(wireEvent, topology.topicOf(wireEvent), config.eventExpiry());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "event cannot be sent as JSON: " + e.getMessage(), e));
    }
    return publishEvent(current, publish);
  }

  /** Completes when the broker has the event; {@link EventPublisher} says when it publishes once more. */
  private CompletableFuture<Void> publishEvent(Session current, Mqtt5Publish publish) {
    return current.events.publish(publish, current::accepting)
        .handle((ok, failure) -> {
          if (failure == null) {
            return CompletableFuture.<Void>completedFuture(null);
          }
          String what = MqttConnection.isStillDown(failure)
              ? "the event was not published: no connection to the broker within "
                  + config.defaultCommandTimeout().toMillis() + " ms"
              : "the event could not be published";
          return CompletableFuture.<Void>failedFuture(bridgeFailure(what, failure));
        })
        .thenCompose(next -> next);
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    requireStarted();
    return local.add(spec, endpoint, routes.addCommand(spec.address(), endpoint));
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    requireStarted();
    return routes.addSubscription(spec, endpoint);
  }

  private void requireStarted() {
    Session current = session;
    if (current == null || current.state != State.STARTED) {
      throw new IllegalStateException("Start the MQTT bridge before registering endpoints");
    }
  }

  /** Messages name this instance as sender, as PURISTA's bridges do, so that responses find their way back. */
  private Message fromThisInstance(Message message) {
    MessageAddress sender = message.sender();
    if (config.instanceId().equals(sender.instanceId())) {
      return message;
    }
    return message.toBuilder().sender(sender.withInstanceId(config.instanceId())).build();
  }

  private static HandledError notStarted() {
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, "The MQTT bridge is not started", null,
        FailureReason.BRIDGE_FAILURE);
  }

  private static HandledError bridgeFailure(String what, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, "MQTT: " + what + detail, null,
        FailureReason.BRIDGE_FAILURE);
  }

  enum State { STARTED, STOPPING, STOPPED }

  /** What one start creates and one stop ends: the main connection and the calls waiting on it. */
  static final class Session {
    final MqttConnection main;
    final PendingInvocations pending;
    final EventPublisher events;
    volatile State state = State.STARTED;

    private Session(MqttConnection main, PendingInvocations pending, EventPublisher events) {
      this.main = main;
      this.pending = pending;
      this.events = events;
    }

    /** Connects the main connection (commands and responses, a clean session) and subscribes to responses. */
    static Session open(MqttBridgeConfig config, Topology topology, WireFormat wire, ClientFactory clients) {
      MqttConnection main = new MqttConnection("main", config.clientId(), false, clients);
      main.connect();
      PendingInvocations pending = new PendingInvocations("mqtt");
      try {
        new ResponseRoute(topology, wire, main, pending).open();
      } catch (RuntimeException e) {
        pending.close();
        main.disconnectAndWait(false);
        throw e;
      }
      return new Session(main, pending,
          new EventPublisher(main, config.defaultCommandTimeout(), config.restartHold()));
    }

    /** Calls and events are still taken while stopping: handlers that drain may call and emit. */
    boolean accepting() {
      return state != State.STOPPED;
    }

    void close() {
      pending.close();
      main.disconnectAndWait(false);
    }
  }
}
