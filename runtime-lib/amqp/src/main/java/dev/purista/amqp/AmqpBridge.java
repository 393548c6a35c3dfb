package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.DeliveryPolicy;
import dev.purista.core.spi.support.InFlight;
import dev.purista.core.spi.support.LocalCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bridge on RabbitMQ (AMQP 0-9-1), with PURISTA's topology, so that Java and TypeScript services can
 * share a broker:
 * <ul>
 *   <li>one <b>headers exchange</b> (default {@code purista}) routes events, and success responses that carry an
 *       event name, by their AMQP headers ({@code messageType}, {@code senderServiceName}, ...,
 *       {@code receiverServiceTarget}, {@code eventName}, {@code principalId}, {@code tenantId});</li>
 *   <li>each command has a queue {@code <prefix>.cmd.<service>.<version>.<command>}, bound on that exchange by
 *       PURISTA's headers, that all instances consume, so they share the calls; this bridge sends its own calls
 *       straight to the queue by name;</li>
 *   <li>each bridge instance has a reply queue {@code <prefix>.reply.<instanceId>}; responses go straight to
 *       it;</li>
 *   <li>a shared subscription has a queue {@code <prefix>.sub.<service>.<version>.<subscription>}, an
 *       every-instance subscription one exclusive queue per instance;</li>
 *   <li>messages that fail too often, and malformed ones, end in {@code <prefix>.dead-letter}.</li>
 * </ul>
 *
 * <p>Delivery: a call that no instance serves fails at once (the command is published as mandatory and comes
 * back unroutable); a call that is not answered fails at its deadline. Durable subscriptions are at least once:
 * a message is acknowledged after its handler succeeded, delivered up to {@code maxAttempts} times, then
 * dead-lettered. Events are persistent and {@link #emit} completes on the broker's publisher confirm.
 *
 * <p>Reconnect: the client's automatic recovery reconnects and declares queues, bindings and consumers again, so
 * everything registered before a drop is served after it. Events published while the connection is down are sent
 * once it is back. A call whose command or response was lost in the drop ends in a timeout error.
 *
 * <p>Threads: deliveries are handled on the connection's I/O thread (see {@link InlineDispatch}), and the futures
 * of {@link #invoke} and {@link #emit} complete there. Wait for them, or chain work with the {@code ...Async}
 * variants; a stage that blocks, chained without one, would stall the connection.
 *
 * <pre>{@code
 * EventBridge bridge = AmqpBridge.fromEnvironment();                 // PURISTA_AMQP_URL, ...
 * EventBridge local = AmqpBridge.configure(c -> c.url("amqp://guest:guest@localhost:5672"));
 * }</pre>
 */
public final class AmqpBridge implements EventBridge {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpBridge.class);

  private final AmqpBridgeConfig config;
  private final AmqpNames names;
  private final AmqpTopology topology;
  private final MessageConverter converter;
  private final InFlight inFlight = new InFlight();
  private final Set<ConsumerChannel> registrations = ConcurrentHashMap.newKeySet();
  private volatile AmqpSession session;
  private volatile LocalCommands local = new LocalCommands();
  private volatile boolean stopping;

  AmqpBridge(AmqpBridgeConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config == null");
    this.names = new AmqpNames(config.exchange(), config.namePrefix());
    this.topology = new AmqpTopology(names);
    this.converter = new MessageConverter(new MessageCodec());
  }

  /** A bridge configured by the {@code PURISTA_AMQP_*} environment variables (see {@link AmqpBridgeConfig}). */
  public static AmqpBridge fromEnvironment() {
    return new AmqpBridge(AmqpBridgeConfig.fromEnvironment());
  }

  /** A bridge configured in code, starting from the defaults. */
  public static AmqpBridge configure(Consumer<AmqpBridgeConfig.Builder> configuration) {
    AmqpBridgeConfig.Builder builder = AmqpBridgeConfig.builder();
    configuration.accept(builder);
    return new AmqpBridge(builder.build());
  }

  public AmqpBridgeConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "amqp";
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
    if (session != null) {
      return;
    }
    try {
      session = AmqpSession.open(config, topology, names, converter);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot connect to RabbitMQ at "
          + AmqpBridgeConfig.withoutUserInfo(config.url()) + ": " + e, e);
    }
    local = new LocalCommands();
    stopping = false;
    LOG.info("amqp bridge {} connected to {}, exchange {}", config.instanceId(),
        AmqpBridgeConfig.withoutUserInfo(config.url()), config.exchange());
  }

  /**
   * Cancels the consumers of the command and subscription queues: what this process has not taken stays in the
   * queues for the other instances (a delivery that was on its way is handed back). The reply queue keeps its
   * consumer, so this process's own calls are still answered, and from now on a call to a command registered in
   * this process is delivered here without the broker.
   */
  @Override
  public void stopAccepting() {
    synchronized (this) {
      if (session == null || stopping || local.servesInProcess()) {
        return;
      }
      local.serveInProcess();
    }
    new ArrayList<>(registrations).forEach(ConsumerChannel::cancel);
    LOG.info("amqp bridge {} takes no new deliveries", config.instanceId());
  }

  /**
   * Stops gracefully: cancels every consumer, waits up to the stop timeout for the deliveries in flight to be
   * handled and settled and for this instance's own calls to be answered, then closes the connection.
   */
  @Override
  public void stop() {
    AmqpSession current;
    synchronized (this) {
      current = session;
      if (current == null || stopping) {
        return;
      }
      stopping = true;
    }
    long start = System.nanoTime();
    List<ConsumerChannel> open = new ArrayList<>(registrations);
    open.forEach(ConsumerChannel::cancel);
    if (!inFlight.awaitIdle(config.stopTimeout())) {
      LOG.warn("{} deliveries still in flight after the stop timeout of {} ms; they will be delivered again",
          inFlight.count(), config.stopTimeout().toMillis());
    }
    Duration left = config.stopTimeout().minusNanos(System.nanoTime() - start);
    current.close(left.isNegative() ? Duration.ZERO : left);
    open.forEach(ConsumerChannel::closeChannel);
    registrations.clear();
    synchronized (this) {
      session = null;
    }
    LOG.info("amqp bridge {} stopped", config.instanceId());
  }

  @Override
  public boolean isReady() {
    AmqpSession current = session;
    return current != null && !stopping && current.state.connected();
  }

  @Override
  public boolean isHealthy() {
    AmqpSession current = session;
    return current != null && current.state.alive();
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    AmqpSession current = session;
    if (current == null || stopping) {
      return CompletableFuture.failedFuture(notStarted());
    }
    if (command.messageType() != MessageType.COMMAND || command.receiver() == null
        || command.correlationId() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "not a command message with receiver and correlation id: " + command));
    }
    CompletableFuture<Message> inProcess = local.invoke(command, timeout, this::emit);
    if (inProcess != null) {
      return inProcess;
    }
    byte[] body;
    try {
      body = converter.body(command);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    AMQP.BasicProperties properties = converter.command(command, current.replyQueue, timeout);
    // Registered before publishing, so that neither a fast response nor a fast return finds no call.
    CompletableFuture<Message> call = current.pending.register(command, timeout);
    try {
      // Straight to the command queue through the default exchange: the queue's name says which command it
      // serves, and the broker resolves a name in constant time where the headers exchange tests every binding
      // (measured: 10 to 20 µs per call on a small broker, more with many subscriptions). The queue is still
      // bound on the headers exchange, so a TypeScript PURISTA caller reaches it as before. Mandatory: with no
      // queue of that name the broker returns the command at once, and the call fails with NO_HANDLERS.
      current.commands.get().basicPublish("", names.commandQueue(command.receiver()), true, properties, body);
    } catch (IOException | AlreadyClosedException e) {
      current.pending.fail(command.correlationId(), new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "RabbitMQ connection is down, the command was not sent: " + e.getMessage(), null,
          FailureReason.BRIDGE_FAILURE));
    }
    return call;
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    AmqpSession current = session;
    if (current == null || stopping) {
      return CompletableFuture.failedFuture(notStarted());
    }
    if (event.messageType() == MessageType.COMMAND) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("use invoke to send a command"));
    }
    byte[] body;
    try {
      body = converter.body(event);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return current.confirming.publish(names.exchange(), "", converter.event(event), body,
        config.defaultCommandTimeout());
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    AmqpSession current = requireStarted();
    return local.add(spec, endpoint, register("command " + spec.address().describe(), false, channel -> {
      String queue = current.declare(declarations -> topology.declareCommandQueue(declarations, spec.address()));
      ConsumerChannel registration = newRegistration(channel, queue, false, current);
      registration.consume(new CommandConsumer(channel, registration, endpoint, converter, current.responses,
          current.failures, config.instanceId()));
      return registration;
    }));
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    AmqpSession current = requireStarted();
    // Not durable means at most once: the broker forgets a message as soon as it has sent it.
    boolean autoAck = !spec.durable();
    return register("subscription " + spec.address().describe(), autoAck, channel -> {
      String queue = current.declare(declarations -> topology.declareSubscriptionQueue(declarations, spec,
          config.instanceId()));
      ConsumerChannel registration = newRegistration(channel, queue, autoAck, current);
      DeliveryPolicy policy = new DeliveryPolicy(spec, config.maxAttempts(), config.retryDelay(), new InFlight(),
          AmqpSession.METRICS);
      registration.consume(new SubscriptionConsumer(channel, registration, endpoint, converter, current.failures,
          policy));
      return registration;
    });
  }

  private ConsumerChannel newRegistration(Channel channel, String queue, boolean autoAck, AmqpSession current) {
    return new ConsumerChannel(channel, queue, autoAck, inFlight, current.scheduler, registrations::remove);
  }

  @FunctionalInterface
  private interface Declaration {
    ConsumerChannel declareAndConsume(Channel channel) throws IOException;
  }

  /**
   * Opens a channel and lets {@code declaration} declare, bind and consume on it. A declaration can lose a race
   * with another instance whose leaving deletes an auto-delete queue between our declare and our consume; a
   * second attempt on a fresh channel then succeeds.
   */
  private Registration register(String what, boolean autoAck, Declaration declaration) {
    AmqpSession current = requireStarted();
    IOException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Channel channel = null;
      try {
        channel = current.connection.createChannel();
        if (!autoAck) {
          channel.basicQos(config.prefetch());
        }
        ConsumerChannel registration = declaration.declareAndConsume(channel);
        registrations.add(registration);
        LOG.debug("registered {} on queue {}", what, registration.queue());
        return registration;
      } catch (IOException | AlreadyClosedException e) {
        last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        closeQuietly(channel);
        if (!isNotFound(e)) {
          break;
        }
      }
    }
    throw new IllegalStateException("cannot register " + what + " on RabbitMQ: " + describe(last), last);
  }

  /** A queue that vanished between declare and consume: the one race worth another attempt. */
  private static boolean isNotFound(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof com.rabbitmq.client.ShutdownSignalException signal
          && signal.getReason() instanceof AMQP.Channel.Close close) {
        return close.getReplyCode() == AMQP.NOT_FOUND;
      }
    }
    return false;
  }

  private static String describe(IOException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage();
  }

  private static void closeQuietly(Channel channel) {
    if (channel == null) {
      return;
    }
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.trace("closing a failed channel: {}", e.toString());
    }
  }

  private AmqpSession requireStarted() {
    AmqpSession current = session;
    if (current == null || stopping) {
      throw new IllegalStateException("the amqp bridge is not started");
    }
    return current;
  }

  private static HandledError notStarted() {
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, "The event bridge is not started", null,
        FailureReason.BRIDGE_FAILURE);
  }

  @Override
  public String toString() {
    return "AmqpBridge[" + config + "]";
  }
}
