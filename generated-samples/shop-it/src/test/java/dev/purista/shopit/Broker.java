package dev.purista.shopit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.purista.amqp.AmqpBridge;
import dev.purista.core.spi.EventBridge;
import dev.purista.mqtt.MqttBridge;
import dev.purista.nats.NatsBridge;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The brokers running on this machine, each with a namespace of its own per test class (an exchange and queue
 * prefix, a subject prefix, a topic prefix), so that runs side by side never see each other's messages.
 */
enum Broker {
  AMQP("amqp") {
    @Override
    Map<String, String> environment(String namespace) {
      return Map.of("PURISTA_EVENT_BRIDGE", value(), "PURISTA_AMQP_URL", AMQP_URL,
          "PURISTA_AMQP_EXCHANGE", namespace, "PURISTA_AMQP_NAME_PREFIX", namespace);
    }

    @Override
    EventBridge bridge(String namespace) {
      return AmqpBridge.configure(c -> c.url(AMQP_URL).exchange(namespace).namePrefix(namespace));
    }

    @Override
    void cleanUp(String namespace) throws Exception {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(AMQP_URL);
      try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
        // Deleting a queue or exchange that does not exist succeeds, so every name the sample can declare is listed.
        for (String queue : List.of("dead-letter", "sub.email.1.sendWelcome", "sub.shopItObserver.1.emailSent",
            "cmd.user.1.signUp", "cmd.user.1.getUser", "cmd.email.1.send", "cmd.ping.1.ping")) {
          channel.queueDelete(namespace + "." + queue);
        }
        channel.exchangeDelete(namespace + ".dead-letter");
        channel.exchangeDelete(namespace);
      }
    }
  },
  NATS("nats") {
    @Override
    Map<String, String> environment(String namespace) {
      return Map.of("PURISTA_EVENT_BRIDGE", value(), "PURISTA_NATS_URL", NATS_URL,
          "PURISTA_NATS_SUBJECT_PREFIX", namespace);
    }

    @Override
    EventBridge bridge(String namespace) {
      return NatsBridge.configure(c -> c.url(NATS_URL).subjectPrefix(namespace));
    }

    @Override
    void cleanUp(String namespace) throws Exception {
      // Not try-with-resources: jnats' close() may throw InterruptedException, which -Xlint:try flags.
      io.nats.client.Connection connection = Nats.connect(NATS_URL);
      try {
        JetStreamManagement streams = connection.jetStreamManagement();
        for (String stream : streams.getStreamNames()) {
          if (stream.startsWith(namespace.toUpperCase(Locale.ROOT) + "_")) {
            streams.deleteStream(stream);
          }
        }
      } finally {
        connection.close();
      }
    }
  },
  MQTT("mqtt") {
    @Override
    Map<String, String> environment(String namespace) {
      return Map.of("PURISTA_EVENT_BRIDGE", value(), "PURISTA_MQTT_URL", "mqtt://127.0.0.1:1883",
          "PURISTA_MQTT_TOPIC_PREFIX", namespace);
    }

    @Override
    EventBridge bridge(String namespace) {
      return MqttBridge.configure(c -> c.url("mqtt://127.0.0.1:1883").topicPrefix(namespace));
    }

    @Override
    void cleanUp(String namespace) {
      // Topics keep nothing once their subscribers are gone; sessions expire on their own.
    }
  };

  private static final String AMQP_URL = "amqp://guest:guest@127.0.0.1:5672";
  private static final String NATS_URL = "nats://127.0.0.1:4222";

  private final String value;

  Broker(String value) {
    this.value = value;
  }

  /** The value of {@code PURISTA_EVENT_BRIDGE} that selects this broker's bridge. */
  String value() {
    return value;
  }

  /** A namespace no other run uses. */
  static String newNamespace() {
    return "shopit" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** The variables that put a sample process on this broker, in {@code namespace}. */
  abstract Map<String, String> environment(String namespace);

  /** A bridge of the test's own on this broker, in {@code namespace}. */
  abstract EventBridge bridge(String namespace);

  /** Removes what the sample's processes left on the broker in {@code namespace} (durable queues, streams). */
  abstract void cleanUp(String namespace) throws Exception;
}
