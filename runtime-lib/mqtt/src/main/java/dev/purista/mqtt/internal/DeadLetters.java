package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a message that a durable subscription gave up on, or could not read, on the subscription's dead-letter
 * topic: the original bytes, unchanged, with user properties that say why ({@value #REASON}), after how many
 * attempts ({@value #ATTEMPTS}) and from where ({@value #ORIGINAL_TOPIC}).
 *
 * <p>MQTT has no queues: the broker keeps a dead letter only for sessions subscribed to its topic. Without one,
 * the broker answers "no matching subscribers" and drops it; that is logged as a warning, since the message is
 * then gone.
 */
public final class DeadLetters {
  public static final String REASON = "purista-dead-letter-reason";
  public static final String ATTEMPTS = "purista-dead-letter-attempts";
  public static final String ORIGINAL_TOPIC = "purista-original-topic";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_REASON = 300;

  private final String topic;
  private final MqttConnection connection;
  private final Duration expiry;
  private final Duration maxWait;

  DeadLetters(String topic, MqttConnection connection, Duration expiry, Duration maxWait) {
    this.topic = topic;
    this.connection = connection;
    this.expiry = expiry;
    this.maxWait = maxWait;
  }

  public String topic() {
    return topic;
  }

  /** Completes with {@code true} once the broker has taken the dead letter, {@code false} when it could not. */
  public CompletableFuture<Boolean> send(Mqtt5Publish original, String reason, int attempts) {
    Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
    for (Mqtt5UserProperty property : original.getUserProperties().asList()) {
      properties.add(property);
    }
    properties.add(REASON, printable(reason)).add(ATTEMPTS, Integer.toString(attempts))
        .add(ORIGINAL_TOPIC, original.getTopic().toString());
    Mqtt5PublishBuilder.Complete letter = Mqtt5Publish.builder()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(original.getPayloadAsBytes())
        .messageExpiryInterval(WireFormat.expirySeconds(expiry))
        .userProperties(properties.build());
    original.getContentType().ifPresent(letter::contentType);
    return connection.publishWhenConnected(letter.build(), maxWait).handle(this::taken);
  }

  /**
   * The reason as an MQTT string may carry it: a decoder's message can quote the garbage it choked on, and a
   * control character such as U+0000 in a user property is a protocol error, for which the broker drops the
   * connection; the message would come back and do the same again.
   */
  static String printable(String reason) {
    StringBuilder out = new StringBuilder(Math.min(reason.length(), MAX_REASON));
    for (int i = 0; i < reason.length() && out.length() < MAX_REASON; i++) {
      char c = reason.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' ? '?' : c);
    }
    return out.toString();
  }

  private boolean taken(Mqtt5PublishResult result, Throwable failure) {
    if (failure != null) {
      LOG.warn("dead letter for {} could not be published: {}; the message stays unacknowledged", topic,
          failure.toString());
      return false;
    }
    if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
        && qos1.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS) {
      LOG.warn("dead letter published to {}, but no session subscribes to that topic, so the broker dropped it",
          topic);
    }
    return true;
  }
}
