package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the responses of the commands this bridge serves, and the success events they carry. A response that
 * cannot be published is logged; its caller ends in a timeout, which is the contract for a lost response.
 */
final class Responder {
  private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

  private final String instanceId;
  private final Topology topology;
  private final WireFormat wire;
  private final MqttConnection connection;
  private final long defaultExpirySeconds;
  private final Duration eventExpiry;

  Responder(String instanceId, Topology topology, WireFormat wire, MqttConnection connection,
      Duration defaultCommandTimeout, Duration eventExpiry) {
    this.instanceId = instanceId;
    this.topology = topology;
    this.wire = wire;
    this.connection = connection;
    this.defaultExpirySeconds = WireFormat.expirySeconds(defaultCommandTimeout);
    this.eventExpiry = eventExpiry;
  }

  /**
   * @param responseTopic the command's MQTT 5 response topic, or {@code null}
   * @param correlationData the command's correlation data, echoed back
   * @param commandExpirySeconds what was left of the command's expiry when it arrived, 0 when it had none
   */
  CompletableFuture<Void> respond(Message response, String responseTopic, byte[] correlationData,
      long commandExpirySeconds) {
    Message answer = fromThisInstance(response);
    long expirySeconds = commandExpirySeconds > 0 ? commandExpirySeconds : defaultExpirySeconds;
    boolean event = answer.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE && answer.isEvent();
    CompletableFuture<Void> published;
    if (responseTopic != null) {
      published = send(wire.response(answer, responseTopic, correlationData, expirySeconds), answer, expirySeconds);
      if (event) {
        CompletableFuture<Void> copy = send(wire.event(answer, topology.eventTopicOf(answer), eventExpiry), answer,
            expirySeconds);
        published = CompletableFuture.allOf(published, copy);
      }
    } else {
      long expiry = event ? WireFormat.expirySeconds(eventExpiry) : expirySeconds;
      published = send(wire.response(answer, topology.topicOf(answer), correlationData, expiry), answer,
          expirySeconds);
    }
    return published;
  }

  private CompletableFuture<Void> send(Mqtt5Publish publish, Message answer, long waitSeconds) {
    return connection.publishWhenConnected(publish, Duration.ofSeconds(waitSeconds)).handle((result, failure) -> {
      if (failure != null) {
        LOG.warn("response to call {} could not be published on {}: {}; the caller will time out",
            answer.correlationId(), publish.getTopic(), failure.toString());
      }
      return null;
    });
  }

  /** Responses name this instance as sender, as PURISTA's bridges do, whatever the endpoint put there. */
  private Message fromThisInstance(Message response) {
    MessageAddress sender = response.sender();
    if (sender == null || instanceId.equals(sender.instanceId())) {
      return response;
    }
    return response.toBuilder().sender(sender.withInstanceId(instanceId)).build();
  }
}
