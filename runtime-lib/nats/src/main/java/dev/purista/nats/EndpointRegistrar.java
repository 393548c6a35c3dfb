package dev.purista.nats;

import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.DeliveryPolicy;
import dev.purista.core.spi.support.InFlight;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PushSubscribeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns command and subscription registrations into broker subscriptions, each on a dispatcher of its own.
 *
 * <ul>
 *   <li>A command subscribes to its command subject in its queue group.</li>
 *   <li>A non-durable subscription subscribes to the subject of its filter, in its queue group when shared.</li>
 *   <li>A durable subscription binds to one JetStream consumer per streamed message type it can receive, with
 *       the queue group as deliver group when shared.</li>
 * </ul>
 *
 * <p>Every registration ends with a round trip to the server, so that when it returns the server routes to it:
 * a call made right after a service started must not fail with "no responders".
 */
final class EndpointRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointRegistrar.class);

  private final NatsBridgeConfig config;
  private final String instanceId;
  private final boolean instanceIdGenerated;
  private final Connection connection;
  private final JetStream jetStream;
  private final JetStreamTopology streams;
  private final NatsTopology topology;
  private final MessageCodec codec;
  private final EventPublisher events;
  private final DeadLetters deadLetters;
  private final InFlight inFlight;
  private final Consumer<NatsRegistration> onClosed;

  /** {@code jetStream}, {@code streams} and {@code deadLetters} are {@code null} when the server has no JetStream. */
  EndpointRegistrar(NatsBridgeConfig config, String instanceId, boolean instanceIdGenerated, Connection connection,
      JetStream jetStream, JetStreamTopology streams, NatsTopology topology, MessageCodec codec, EventPublisher events,
      DeadLetters deadLetters, InFlight inFlight, Consumer<NatsRegistration> onClosed) {
    this.config = config;
    this.instanceId = instanceId;
    this.instanceIdGenerated = instanceIdGenerated;
    this.connection = connection;
    this.jetStream = jetStream;
    this.streams = streams;
    this.topology = topology;
    this.codec = codec;
    this.events = events;
    this.deadLetters = deadLetters;
    this.inFlight = inFlight;
    this.onClosed = onClosed;
  }

  NatsRegistration command(CommandSpec spec, CommandEndpoint endpoint) {
    MessageAddress address = spec.address();
    Dispatcher dispatcher = connection.createDispatcher();
    dispatcher.subscribe(topology.commandSubject(address), topology.queueGroup(address),
        new CommandConsumer(address, endpoint, connection, codec, events, inFlight, instanceId));
    return registered("command " + address.describe(), dispatcher, () -> { });
  }

  NatsRegistration subscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    if (spec.durable() && canStream(spec)) {
      return durable(spec, endpoint);
    }
    if (spec.durable()) {
      String why = jetStream == null ? "the NATS server has no JetStream (start it with -js)"
          : "its filter selects " + spec.filter().messageType().wireName() + " messages, which no stream keeps";
      if (!config.durableFallback()) {
        throw new IllegalStateException("durable subscription " + spec.address().describe() + " is impossible: "
            + why + "; mark it durable(false), or set PURISTA_NATS_DURABLE_FALLBACK=true to accept at-most-once");
      }
      LOG.warn("durable subscription {} falls back to at-most-once delivery: {}", spec.address().describe(), why);
    }
    Dispatcher dispatcher = connection.createDispatcher();
    String subject = topology.subscriptionSubject(spec.filter(), null);
    SubscriptionConsumer consumer = new SubscriptionConsumer(spec.address(), endpoint, codec, null, policy(spec));
    if (spec.shared()) {
      dispatcher.subscribe(subject, topology.queueGroup(spec.address()), consumer);
    } else {
      dispatcher.subscribe(subject, consumer);
    }
    return registered("subscription " + spec.address().describe(), dispatcher, () -> { });
  }

  private boolean canStream(SubscriptionSpec spec) {
    MessageType type = spec.filter().messageType();
    return jetStream != null && (type == null || NatsTopology.STREAMED_TYPES.contains(type));
  }

  private NatsRegistration durable(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    MessageAddress address = spec.address();
    String queue = spec.shared() ? topology.queueGroup(address) : null;
    SubscriptionConsumer consumer = new SubscriptionConsumer(address, endpoint, codec, deadLetters, policy(spec));
    List<MessageType> types = spec.filter().messageType() != null
        ? List.of(spec.filter().messageType()) : NatsTopology.STREAMED_TYPES;
    Dispatcher dispatcher = connection.createDispatcher();
    List<String> consumerNames = new ArrayList<>();
    // A per-instance consumer of a random instance id can never be resumed by anyone, so it is deleted on close.
    boolean deleteOnClose = queue == null && instanceIdGenerated;
    try {
      for (MessageType type : types) {
        String name = topology.consumerName(address, type, queue == null ? instanceId : null);
        String filterSubject = topology.subscriptionSubject(spec.filter(), type);
        streams.declareConsumer(name, filterSubject, queue);
        consumerNames.add(name);
        PushSubscribeOptions bind = PushSubscribeOptions.bind(config.streamName(), name);
        if (queue != null) {
          jetStream.subscribe(filterSubject, queue, dispatcher, consumer, false, bind);
        } else {
          jetStream.subscribe(filterSubject, dispatcher, consumer, false, bind);
        }
      }
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      connection.closeDispatcher(dispatcher);
      consumerNames.forEach(name -> streams.release(name, deleteOnClose));
      throw new IllegalStateException("cannot register durable subscription " + address.describe() + ": "
          + e.getMessage(), e);
    }
    return registered("durable subscription " + address.describe(), dispatcher,
        () -> consumerNames.forEach(name -> streams.release(name, deleteOnClose)));
  }

  private DeliveryPolicy policy(SubscriptionSpec spec) {
    return new DeliveryPolicy(spec, config.maxAttempts(), config.retryDelay(), inFlight, ConnectionMonitor.METRICS);
  }

  private NatsRegistration registered(String description, Dispatcher dispatcher, Runnable release) {
    try {
      connection.flush(config.connectTimeout());
    } catch (TimeoutException e) {
      LOG.warn("{}: the server did not confirm the subscription within {} ms; it will once connected",
          description, config.connectTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new NatsRegistration(description, connection, dispatcher, drainTimeout(), release, onClosed);
  }

  /** A drain only hands over what the client already holds: it takes milliseconds, unless the server is gone. */
  private Duration drainTimeout() {
    return Duration.ofMillis(Math.max(100, Math.min(5_000, config.stopTimeout().toMillis())));
  }
}
