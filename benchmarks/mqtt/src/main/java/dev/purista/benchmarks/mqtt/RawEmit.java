package dev.purista.benchmarks.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.purista.core.message.MessageIds;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The baseline of the emit benchmark: the bare HiveMQ MQTT 5 client doing what the bridge does for a durable
 * event, without the envelope handling. The publisher sends the bridge's event body at QoS 1 with the bridge's message
 * expiry and waits for the PUBACK; the subscriber has a persistent session on a shared subscription at QoS 1, takes
 * messages on its I/O thread and acknowledges each one by hand after handling it, as the bridge's durable
 * subscriptions do. Handling here is only noting the arrival.
 */
final class RawEmit implements EmitVariant {
  private final Mqtt5AsyncClient publisher;
  private final Mqtt5AsyncClient subscriber;
  private final String topic;
  private final byte[] body;
  private final long expirySeconds;
  private final AtomicReference<Arrivals> waiting = new AtomicReference<>();

  RawEmit(int port, byte[] body, Duration expiry) throws Exception {
    this.body = body;
    this.expirySeconds = expiry.toSeconds();
    String id = MessageIds.newId();
    this.topic = "bench/raw/" + id + "/event";
    subscriber = MqttClient.builder().useMqttVersion5().identifier("raw-emit-subscriber-" + id)
        .serverHost("127.0.0.1").serverPort(port).buildAsync();
    subscriber.publishes(MqttGlobalPublishFilter.ALL, publish -> {
      Arrivals arrivals = waiting.get();
      if (arrivals != null) {
        arrivals.arrived();
      }
      publish.acknowledge();
    }, Runnable::run, true);
    subscriber.connectWith().cleanStart(true).sessionExpiryInterval(300).send().get(10, TimeUnit.SECONDS);
    subscriber.subscribeWith().topicFilter("$share/raw/" + topic).qos(MqttQos.AT_LEAST_ONCE).send()
        .get(10, TimeUnit.SECONDS);
    publisher = MqttClient.builder().useMqttVersion5().identifier("raw-emit-publisher-" + id)
        .serverHost("127.0.0.1").serverPort(port).buildAsync();
    publisher.connect().get(10, TimeUnit.SECONDS);
  }

  @Override
  public String name() {
    return "raw HiveMQ client";
  }

  @Override
  public void call() throws Exception {
    Arrivals arrivals = new Arrivals(1);
    waiting.set(arrivals);
    publish().get(5, TimeUnit.SECONDS);
    arrivals.done.get(5, TimeUnit.SECONDS);
  }

  @Override
  public long burst(int events) throws Exception {
    Arrivals arrivals = new Arrivals(events);
    waiting.set(arrivals);
    long start = System.nanoTime();
    List<CompletableFuture<Mqtt5PublishResult>> sent = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      sent.add(publish());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    arrivals.done.get(60, TimeUnit.SECONDS);
    return System.nanoTime() - start;
  }

  private CompletableFuture<Mqtt5PublishResult> publish() {
    return publisher.publish(Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
        .messageExpiryInterval(expirySeconds).payload(ByteBuffer.wrap(body)).build());
  }

  @Override
  public void close() {
    publisher.disconnect().join();
    subscriber.disconnectWith().sessionExpiryInterval(0).send().join();
  }
}
