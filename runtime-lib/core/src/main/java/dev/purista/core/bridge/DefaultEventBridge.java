package dev.purista.core.bridge;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.MalformedMessageException;
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
import dev.purista.core.spi.support.PendingInvocations;
import dev.purista.core.spi.support.RoundRobin;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory event bridge: every service in one process, no broker. Commands go to one registered instance
 * in turn; events go to every matching subscription, to one instance of a shared one and to every instance of an
 * unshared one. Nothing is persisted, so "durable" is not honoured: a subscription whose handler fails does not
 * get the message again.
 *
 * <p>With {@link Options#jsonRoundTrip(boolean) jsonRoundTrip} on, every message is written as JSON and read
 * back before delivery, exactly as a broker bridge would, so a test proves that payloads survive the wire.
 *
 * <pre>{@code
 * EventBridge bridge = new DefaultEventBridge();
 * EventBridge wireChecked = DefaultEventBridge.configure(o -> o.jsonRoundTrip(true));
 * }</pre>
 */
public final class DefaultEventBridge implements EventBridge {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultEventBridge.class);

  private final String instanceId;
  private final Duration defaultCommandTimeout;
  private final MessageCodec codec;
  private final Map<MessageAddress, RoundRobin<CommandEndpoint>> commands = new ConcurrentHashMap<>();
  private final Map<MessageAddress, SubscriptionRoute> subscriptions = new ConcurrentHashMap<>();
  private volatile PendingInvocations pending;
  private volatile boolean started;

  public DefaultEventBridge() {
    this(new Options());
  }

  private DefaultEventBridge(Options options) {
    this.instanceId = options.instanceId != null ? options.instanceId : MessageIds.newId();
    this.defaultCommandTimeout = options.defaultCommandTimeout;
    this.codec = options.jsonRoundTrip ? new MessageCodec() : null;
  }

  public static DefaultEventBridge configure(Consumer<Options> configuration) {
    Options options = new Options();
    configuration.accept(options);
    return new DefaultEventBridge(options);
  }

  @Override
  public String name() {
    return codec == null ? "default" : "default (json round trip)";
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public Duration defaultCommandTimeout() {
    return defaultCommandTimeout;
  }

  @Override
  public boolean answersInProcess() {
    return true;
  }

  /** Its pending calls are swept at their deadlines, and an answer never leaves the process. */
  @Override
  public boolean timesOutEveryCall() {
    return true;
  }

  /** Nothing outside the process: a snapshot may keep it started. */
  @Override
  public boolean connectsToABroker() {
    return false;
  }

  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    pending = new PendingInvocations("default-bridge");
    started = true;
  }

  @Override
  public synchronized void stop() {
    if (!started) {
      return;
    }
    started = false;
    pending.close();
  }

  @Override
  public boolean isReady() {
    return started;
  }

  @Override
  public boolean isHealthy() {
    return true;
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    if (!started) {
      return CompletableFuture.failedFuture(new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "The event bridge is not started", null, FailureReason.BRIDGE_FAILURE));
    }
    if (command.messageType() != MessageType.COMMAND || command.receiver() == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("not a command message: " + command));
    }
    Message wireCommand;
    try {
      wireCommand = overTheWire(command);
    } catch (MalformedMessageException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "command cannot be sent as JSON: " + e.getMessage(), e));
    }
    RoundRobin<CommandEndpoint> endpoints = commands.get(command.receiver().withoutInstanceId());
    CommandEndpoint endpoint = endpoints == null ? null : endpoints.next();
    if (endpoint == null) {
      return CompletableFuture.failedFuture(HandledError.noHandlers(command.receiver()));
    }
    PendingInvocations calls = pending;
    CompletableFuture<Message> call = calls.register(wireCommand, timeout);
    try {
      endpoint.handle(wireCommand).whenComplete((response, failure) -> answer(calls, wireCommand, response, failure));
    } catch (RuntimeException e) {
      calls.fail(wireCommand.correlationId(), e);
    }
    return call;
  }

  private void answer(PendingInvocations calls, Message command, Message response, Throwable failure) {
    if (failure != null) {
      calls.fail(command.correlationId(), failure);
      return;
    }
    try {
      Message delivered = overTheWire(response);
      if (delivered.isEvent() && delivered.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE) {
        publish(delivered);
      }
      calls.complete(delivered);
    } catch (MalformedMessageException | IllegalArgumentException e) {
      LOG.error("command response cannot be sent as JSON", e);
      calls.fail(command.correlationId(), new IllegalStateException("response cannot be sent as JSON: "
          + e.getMessage()));
    }
  }

  @Override
  public CompletableFuture<Void> emit(Message event) {
    if (!started) {
      return CompletableFuture.failedFuture(new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "The event bridge is not started", null, FailureReason.BRIDGE_FAILURE));
    }
    try {
      publish(overTheWire(event));
      return CompletableFuture.completedFuture(null);
    } catch (MalformedMessageException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "event cannot be sent as JSON: " + e.getMessage(), e));
    }
  }

  private void publish(Message event) {
    for (SubscriptionRoute route : subscriptions.values()) {
      if (route.spec.filter().matches(event)) {
        route.deliver(event);
      }
    }
  }

  private Message overTheWire(Message message) throws MalformedMessageException {
    return codec == null ? message : codec.decode(codec.encode(message));
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    RoundRobin<CommandEndpoint> endpoints = commands.computeIfAbsent(spec.address(), key -> new RoundRobin<>());
    endpoints.add(endpoint);
    return () -> {
      endpoints.remove(endpoint);
      commands.computeIfPresent(spec.address(), (key, current) -> current.isEmpty() ? null : current);
    };
  }

  @Override
  public Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    SubscriptionRoute route = subscriptions.computeIfAbsent(spec.address(), key -> new SubscriptionRoute(spec));
    route.endpoints.add(endpoint);
    return () -> {
      route.endpoints.remove(endpoint);
      subscriptions.computeIfPresent(spec.address(), (key, current) -> current.endpoints.isEmpty() ? null : current);
    };
  }

  /** The instances of one subscription; the first registration's spec decides shared or not. */
  private static final class SubscriptionRoute {
    private final SubscriptionSpec spec;
    private final RoundRobin<SubscriptionEndpoint> endpoints = new RoundRobin<>();

    private SubscriptionRoute(SubscriptionSpec spec) {
      this.spec = spec;
    }

    void deliver(Message event) {
      if (spec.shared()) {
        SubscriptionEndpoint endpoint = endpoints.next();
        if (endpoint != null) {
          deliverTo(endpoint, event);
        }
      } else {
        for (SubscriptionEndpoint endpoint : endpoints.all()) {
          deliverTo(endpoint, event);
        }
      }
    }

    private void deliverTo(SubscriptionEndpoint endpoint, Message event) {
      try {
        endpoint.deliver(event).whenComplete((ok, failure) -> {
          if (failure != null) {
            LOG.debug("subscription {} failed on message {}; the in-memory bridge does not redeliver",
                spec.address().describe(), event.id());
          }
        });
      } catch (RuntimeException e) {
        LOG.error("subscription {} threw on delivery of message {}", spec.address().describe(), event.id(), e);
      }
    }
  }

  /** Settings of a {@link DefaultEventBridge}. */
  public static final class Options {
    private String instanceId;
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    private boolean jsonRoundTrip;

    private Options() {
    }

    public Options instanceId(String value) {
      this.instanceId = value;
      return this;
    }

    public Options defaultCommandTimeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("defaultCommandTimeout must be positive: " + value);
      }
      this.defaultCommandTimeout = value;
      return this;
    }

    /** Writes every message as JSON and reads it back before delivery, as a broker would. */
    public Options jsonRoundTrip(boolean value) {
      this.jsonRoundTrip = value;
      return this;
    }
  }
}
