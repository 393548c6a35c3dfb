package dev.purista.shopit;

import dev.purista.amqp.AmqpBridge;
import dev.purista.core.spi.EventBridge;
import dev.purista.mqtt.MqttBridge;
import dev.purista.nats.NatsBridge;
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
      return Map.of("PURISTA_EVENT_BRIDGE", value(), "PURISTA_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672",
          "PURISTA_AMQP_EXCHANGE", namespace, "PURISTA_AMQP_NAME_PREFIX", namespace);
    }

    @Override
    EventBridge bridge(String namespace) {
      return AmqpBridge.configure(c -> c.url("amqp://guest:guest@127.0.0.1:5672").exchange(namespace)
          .namePrefix(namespace));
    }
  },
  NATS("nats") {
    @Override
    Map<String, String> environment(String namespace) {
      return Map.of("PURISTA_EVENT_BRIDGE", value(), "PURISTA_NATS_URL", "nats://127.0.0.1:4222",
          "PURISTA_NATS_SUBJECT_PREFIX", namespace);
    }

    @Override
    EventBridge bridge(String namespace) {
      return NatsBridge.configure(c -> c.url("nats://127.0.0.1:4222").subjectPrefix(namespace));
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
  };

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
}
