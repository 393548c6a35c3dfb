package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.telemetry.Otp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Converts envelopes to MQTT 5 PUBLISH packets and back. The packet body is the PURISTA JSON envelope, unchanged,
 * so a TypeScript service reads it; around it go the MQTT 5 properties:
 * <ul>
 *   <li>{@code correlationData}: the correlation id, so that any MQTT 5 client can pair a response with its
 *       request;</li>
 *   <li>{@code responseTopic} on commands: where the responder publishes the response;</li>
 *   <li>{@code messageExpiryInterval}: the command timeout on commands and responses (nobody waits longer), the
 *       event expiry on events;</li>
 *   <li>{@code contentType} and the UTF-8 payload format;</li>
 *   <li>on events, user properties with PURISTA's routing headers ({@code messageType},
 *       {@code senderServiceName}, ...), for tools and brokers that route or filter on them. Commands and responses
 *       go without: the topic and the correlation data already say everything a broker or a caller routes on, and
 *       writing, checking and reading ten strings per message both ways was a measurable share of the bridge's
 *       cost per call (benchmarks/mqtt). They carry only {@code traceparent} (and {@code tracestate}), when they
 *       have trace context.</li>
 * </ul>
 */
public final class WireFormat {
  private final MessageCodec codec;

  public WireFormat(MessageCodec codec) {
    this.codec = codec;
  }

  /** A command, QoS 1 so that the broker's PUBACK can say "no matching subscribers". */
  public Mqtt5Publish command(Message command, String topic, String responseTopic, Duration timeout) {
    Mqtt5PublishBuilder.Complete publish = envelope(command, topic, expirySeconds(timeout))
        .responseTopic(responseTopic)
        .correlationData(command.correlationId().getBytes(StandardCharsets.UTF_8));
    return withTraceContext(publish, command).build();
  }

  /** A response; {@code correlationData} is the request's, so a plain MQTT 5 requester recognises it. */
  Mqtt5Publish response(Message response, String topic, byte[] correlationData, long expirySeconds) {
    return withTraceContext(envelope(response, topic, expirySeconds).correlationData(correlationData), response)
        .build();
  }

  /** An event, or a copy of a success event for its subscribers. */
  public Mqtt5Publish event(Message event, String topic, Duration expiry) {
    return envelope(event, topic, expirySeconds(expiry)).userProperties(headers(event)).build();
  }

  /**
   * The envelope of an incoming packet.
   *
   * @throws MalformedMessageException when the body is not a PURISTA envelope
   */
  public Message decode(Mqtt5Publish publish) throws MalformedMessageException {
    return codec.decode(publish.getPayloadAsBytes());
  }

  private Mqtt5PublishBuilder.Complete envelope(Message message, String topic, long expirySeconds) {
    return Mqtt5Publish.builder()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(codec.encode(message))
        .contentType(message.contentType() != null ? message.contentType() : Message.JSON)
        .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
        .messageExpiryInterval(expirySeconds);
  }

  /** Whole seconds, rounded up: an expiry of 0 would mean "no expiry" to nobody and "expired" to some brokers. */
  static long expirySeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /**
   * A command or response that carries trace context gets it as user properties too, as the original sends it, so
   * that a TypeScript peer joins the trace; without one (no SDK, no caller context) nothing is added.
   */
  private static Mqtt5PublishBuilder.Complete withTraceContext(Mqtt5PublishBuilder.Complete publish, Message message) {
    if (message.otp() == null) {
      return publish;
    }
    Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
    optional(properties, Otp.TRACEPARENT, Otp.traceparent(message.otp()));
    optional(properties, Otp.TRACESTATE, Otp.tracestate(message.otp()));
    return publish.userProperties(properties.build());
  }

  private static Mqtt5UserProperties headers(Message message) {
    Mqtt5UserPropertiesBuilder headers = Mqtt5UserProperties.builder()
        .add("messageType", message.messageType().wireName());
    address(headers, "sender", message.sender());
    address(headers, "receiver", message.receiver());
    optional(headers, "eventName", message.eventName());
    optional(headers, "principalId", message.principalId());
    optional(headers, "tenantId", message.tenantId());
    // The original puts the trace context into the user properties as well as into the envelope's otp.
    if (message.otp() != null) {
      optional(headers, Otp.TRACEPARENT, Otp.traceparent(message.otp()));
      optional(headers, Otp.TRACESTATE, Otp.tracestate(message.otp()));
    }
    return headers.build();
  }

  private static void address(Mqtt5UserPropertiesBuilder headers, String role, MessageAddress address) {
    if (address == null) {
      return;
    }
    optional(headers, role + "ServiceName", address.serviceName());
    optional(headers, role + "ServiceVersion", address.serviceVersion());
    optional(headers, role + "ServiceTarget", address.serviceTarget());
    optional(headers, role + "InstanceId", address.instanceId());
  }

  private static void optional(Mqtt5UserPropertiesBuilder headers, String name, String value) {
    if (value != null) {
      headers.add(name, value);
    }
  }
}
