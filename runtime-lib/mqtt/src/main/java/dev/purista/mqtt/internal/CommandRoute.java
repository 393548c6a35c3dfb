package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.support.InFlight;
import dev.purista.core.spi.support.RoundRobin;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one command address: a shared subscription on the bridge's main connection, the endpoints this bridge
 * registered for it, and the answer to each call. All instances of a service subscribe to the same shared
 * filter, so the broker hands each call to one of them.
 *
 * <p>The response goes to the command's {@code responseTopic} when it has one (the MQTT 5 way, which any MQTT 5
 * client can use), otherwise to PURISTA's topic of the response, addressed to the caller's instance, which is where
 * a PURISTA TypeScript caller listens. A success response that carries an event name is also published for the
 * event's subscribers; with no response topic one publish serves both.
 *
 * <p>Commands are at most once: a call whose response is lost ends in a timeout at the caller.
 */
final class CommandRoute {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRoute.class);

  private final MessageAddress address;
  private final String filter;
  private final Responder responder;
  private final MqttConnection connection;
  private final WireFormat wire;
  private final InFlight inFlight;
  private final RoundRobin<CommandEndpoint> endpoints = new RoundRobin<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  CommandRoute(MessageAddress address, Topology topology, Responder responder, MqttConnection connection,
      WireFormat wire, InFlight inFlight) {
    this.address = address;
    this.filter = topology.commandFilter(address);
    this.responder = responder;
    this.connection = connection;
    this.wire = wire;
    this.inFlight = inFlight;
  }

  void add(CommandEndpoint endpoint) {
    endpoints.add(endpoint);
  }

  /** Removes {@code endpoint}; {@code true} when it was the last, and the route should close. */
  boolean remove(CommandEndpoint endpoint) {
    return endpoints.remove(endpoint);
  }

  /** Starts receiving calls; returns once the broker confirmed the subscription. */
  void open() {
    connection.subscribe(List.of(filter), 1, this::onCommand, false);
  }

  /** Stops receiving calls; calls already taken still get their answer. Idempotent. */
  void close() {
    if (open.compareAndSet(true, false)) {
      connection.unsubscribe(List.of(filter));
    }
  }

  /** Runs on the client's I/O thread: decode, check, hand to an endpoint, and return. */
  void onCommand(Mqtt5Publish publish) {
    Message command;
    try {
      command = wire.decode(publish);
    } catch (MalformedMessageException e) {
      LOG.warn("dropped a malformed message on command topic {} ({} bytes): {}", publish.getTopic(),
          publish.getPayloadAsBytes().length, e.getMessage());
      return;
    }
    if (command.messageType() != MessageType.COMMAND || command.receiver() == null
        || !address.equals(command.receiver().withoutInstanceId())) {
      // Topics are snake-cased, so two names can share one; the envelope decides.
      LOG.warn("dropped message {} on command topic {}: it is a {} for {}, not a call of {}", command.id(),
          publish.getTopic(), command.messageType().wireName(),
          command.receiver() == null ? "nobody" : command.receiver().describe(), address.describe());
      return;
    }
    CommandEndpoint endpoint = endpoints.next();
    if (endpoint == null) {
      LOG.debug("dropped call {} of {}: the endpoint has just left", command.id(), address.describe());
      return;
    }
    inFlight.begin();
    CompletableFuture<Message> response;
    try {
      response = endpoint.handle(command);
    } catch (RuntimeException e) {
      LOG.error("command endpoint of {} threw on call {}", address.describe(), command.id(), e);
      inFlight.end();
      return;
    }
    Optional<String> responseTopic = publish.getResponseTopic().map(MqttTopic::toString);
    byte[] correlationData = publish.getCorrelationData().map(CommandRoute::bytes)
        .orElseGet(() -> command.correlationId().getBytes(StandardCharsets.UTF_8));
    long expirySeconds = publish.getMessageExpiryInterval().orElse(0);
    response.whenComplete((answer, failure) -> {
      if (failure != null || answer == null) {
        LOG.error("command endpoint of {} gave no response to call {}", address.describe(), command.id(), failure);
        inFlight.end();
        return;
      }
      responder.respond(answer, responseTopic.orElse(null), correlationData, expirySeconds)
          .whenComplete((ignored, publishFailure) -> inFlight.end());
    });
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
