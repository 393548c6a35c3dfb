package dev.purista.nats;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.LocalCommands;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bridge over NATS, with PURISTA's topology, so that Java and TypeScript PURISTA services can share a
 * NATS server.
 *
 * <ul>
 *   <li><b>Commands</b> use NATS request/reply. Every instance of a command subscribes in one queue group, so
 *       each call goes to one of them; a call nobody serves fails at once (the server's "no responders"); a call
 *       nobody answers fails with a timeout error at its deadline.</li>
 *   <li><b>Events</b> are published on PURISTA's thirteen-token subjects. A success response with an event name
 *       is published there too, so that subscriptions see it.</li>
 *   <li><b>Non-durable subscriptions</b> read plain NATS: at most once.</li>
 *   <li><b>Durable subscriptions</b> read a JetStream consumer: at least once, acknowledged after the handler
 *       succeeded, redelivered after a failure, dead-lettered after {@code maxAttempts} attempts.</li>
 *   <li><b>Reconnects</b> are the client's: it retries for ever and re-subscribes everything; the bridge then
 *       declares its JetStream objects again in case the server lost them. Calls whose request or answer was
 *       lost end in their timeout error.</li>
 *   <li><b>Stop</b> drains: no new deliveries, handlers in flight finish and answer, then the connection
 *       closes.</li>
 * </ul>
 *
 * <pre>{@code
 * EventBridge bridge = NatsBridge.fromEnvironment();                    // PURISTA_NATS_URL, ...
 * EventBridge local = NatsBridge.configure(c -> c.url("nats://127.0.0.1:4222").maxAttempts(3));
 * }</pre>
 *
 * @see NatsBridgeConfig for every setting and its environment variable
 */
public final class NatsBridge implements EventBridge {
  private static final Logger LOG = LoggerFactory.getLogger(NatsBridge.class);

  private final NatsBridgeConfig config;
  private final String instanceId;
  private final boolean instanceIdGenerated;
  private final MessageCodec codec = new MessageCodec();
  private final NatsTopology topology;
  private volatile NatsSession session;
  private volatile LocalCommands local = new LocalCommands();

  /** Tests of this package build a bridge from a config; applications use {@link #configure} or the environment. */
  NatsBridge(NatsBridgeConfig config) {
    if (config == null) {
      throw new NullPointerException("config == null");
    }
    this.config = config;
    this.instanceIdGenerated = config.instanceId().isEmpty();
    this.instanceId = config.instanceId().orElseGet(MessageIds::newId);
    this.topology = new NatsTopology(config.subjectPrefix(), config.emptySubjectPart());
  }

  /** A bridge configured by the {@code PURISTA_NATS_*} environment variables. */
  public static NatsBridge fromEnvironment() {
    return new NatsBridge(NatsBridgeConfig.fromEnvironment());
  }

  /** A bridge configured in code, starting from the defaults. */
  public static NatsBridge configure(Consumer<NatsBridgeConfig.Builder> configuration) {
    NatsBridgeConfig.Builder builder = NatsBridgeConfig.builder();
    configuration.accept(builder);
    return new NatsBridge(builder.build());
  }

  public NatsBridgeConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public Duration defaultCommandTimeout() {
    return config.defaultCommandTimeout();
  }

  @Override
  public synchronized void start() {
    if (session == null) {
      session = new NatsSession(config, instanceId, instanceIdGenerated, topology, codec);
      local = new LocalCommands();
    }
  }

  /**
   * Unsubscribes the command queue groups and the subscriptions, core and JetStream (whose durable consumers stay
   * on the server with what they have not delivered), after handing what the client already holds to the
   * endpoints. The reply inbox stays, so this process's calls are still answered, and from now on a call to a
   * command registered in this process is delivered here without the server.
   */
  @Override
  public void stopAccepting() {
    NatsSession current;
    synchronized (this) {
      current = session;
      if (current == null || local.servesInProcess()) {
        return;
      }
      local.serveInProcess();
    }
    current.stopAccepting();
    LOG.info("NATS bridge {} takes no new deliveries", instanceId);
  }

  @Override
  public void stop() {
    NatsSession stopping;
    synchronized (this) {
      stopping = session;
      session = null;
    }
    if (stopping != null) {
      stopping.close(config.stopTimeout());
    }
  }

  @Override
  public boolean isReady() {
    NatsSession current = session;
    return current != null && current.connection.getStatus() == Connection.Status.CONNECTED;
  }

  @Override
  public boolean isHealthy() {
    NatsSession current = session;
    return current != null && current.connection.getStatus() != Connection.Status.CLOSED;
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    NatsSession current = session;
    if (current == null) {
      return CompletableFuture.failedFuture(CommandCaller.unavailable("The NATS bridge is not started"));
    }
    if (!CommandCaller.isCommand(command) || command.sender() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "not a command with receiver, sender and correlation id: " + command));
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("timeout must be positive: " + timeout));
    }
    Connection.Status status = current.connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      // The client would hold the request in its reconnect buffer until the deadline; the caller is better
      // served by the failure now, as on every other bridge.
      return CompletableFuture.failedFuture(CommandCaller.unavailable("The NATS connection is "
          + status.name().toLowerCase(Locale.ROOT) + "; the command was not sent"));
    }
    Message call = stamped(command);
    CompletableFuture<Message> inProcess = local.invoke(call, timeout, this::emit);
    if (inProcess != null) {
      return inProcess;
    }
    try {
      return current.caller.invoke(call, timeout);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "command cannot be sent as JSON: " + e.getMessage(), e));
    }
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    NatsSession current = session;
    if (current == null) {
      return CompletableFuture.failedFuture(CommandCaller.unavailable("The NATS bridge is not started"));
    }
    if (event.messageType() == MessageType.COMMAND || event.sender() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "not an event with a sender: " + event));
    }
    try {
      return current.events.publish(stamped(event));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    NatsSession current = started();
    return local.add(spec, endpoint, current.track(current.registrar.command(spec, endpoint)));
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    NatsSession current = started();
    return current.track(current.registrar.subscription(spec, endpoint));
  }

  private NatsSession started() {
    NatsSession current = session;
    if (current == null) {
      throw new IllegalStateException("Start the NATS bridge before registering endpoints");
    }
    return current;
  }

  /** Responses find their way back by the sender's instance id, so every outgoing message carries ours. */
  private Message stamped(Message message) {
    MessageAddress sender = message.sender();
    return sender.instanceId() != null ? message
        : message.toBuilder().sender(sender.withInstanceId(instanceId)).build();
  }

  @Override
  public String toString() {
    return "NatsBridge{instanceId=" + instanceId + ", " + config + "}";
  }
}
