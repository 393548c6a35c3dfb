package dev.purista.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A plain HiveMQ MQTT 5 client for tests: it puts foreign bytes on the bridge's topics and watches topics the
 * bridge publishes to, such as dead letters, the way another program on the broker would.
 */
final class RawClient implements AutoCloseable {
  private final Mqtt5AsyncClient client;
  private final List<Mqtt5Publish> received = new CopyOnWriteArrayList<>();

  private RawClient(Mqtt5AsyncClient client) {
    this.client = client;
  }

  static RawClient connect(BrokerProcess broker, String clientId) {
    Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
    await(client.connect());
    return new RawClient(client);
  }

  /** Subscribes and records what arrives; returns once the broker confirmed. */
  RawClient watch(String topicFilter) {
    await(client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE).callback(received::add).send());
    return this;
  }

  List<Mqtt5Publish> received() {
    return received;
  }

  Mqtt5PublishResult publish(String topic, byte[] payload) {
    return await(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
  }

  Mqtt5PublishResult publish(String topic, String payload) {
    return publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  static String text(Mqtt5Publish publish) {
    return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  static String property(Mqtt5Publish publish, String name) {
    return publish.getUserProperties().asList().stream()
        .filter(property -> property.getName().toString().equals(name))
        .map(property -> property.getValue().toString())
        .reduce((first, last) -> last)
        .orElse(null);
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("raw MQTT client: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing a test helper; nothing to do.
    }
  }
}
