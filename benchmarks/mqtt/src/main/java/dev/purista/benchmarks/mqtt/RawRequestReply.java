package dev.purista.benchmarks.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import dev.purista.core.message.MessageIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The baseline: the bare HiveMQ MQTT 5 client doing MQTT 5 request/response. A requester publishes to a request
 * topic with {@code responseTopic} and {@code correlationData}; a second client, on a shared subscription, answers
 * on the response topic with the same correlation data. QoS 1 both ways and bodies of the same size as the bridge's
 * JSON envelopes, so that the broker does the same work; only the envelope handling is missing.
 *
 * <p>Two settings: the client's default, where callbacks run on its RxJava computation pool, and callbacks on
 * the client's I/O thread, which is how the bridge runs its own; the second shows what the bridge costs over a
 * raw client tuned the same way.
 */
final class RawRequestReply implements RequestReply {
  private final Mqtt5AsyncClient requester;
  private final Mqtt5AsyncClient responder;
  private final String requestTopic;
  private final String responseTopic;
  private final byte[] request;
  private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final boolean onIoThread;

  RawRequestReply(int port, byte[] request, byte[] reply, boolean onIoThread) throws Exception {
    this.request = request;
    this.onIoThread = onIoThread;
    Executor callbacks = onIoThread ? Runnable::run : null;
    String id = MessageIds.newId();
    this.requestTopic = "bench/raw/" + id + "/request";
    this.responseTopic = "bench/raw/" + id + "/response";
    responder = MqttClient.builder().useMqttVersion5().identifier("raw-responder-" + id)
        .serverHost("127.0.0.1").serverPort(port).buildAsync();
    responder.connect().get(10, TimeUnit.SECONDS);
    Consumer<Mqtt5Publish> answer = call -> responder.publish(Mqtt5Publish.builder()
        .topic(call.getResponseTopic().orElseThrow())
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(reply)
        .correlationData(call.getCorrelationData().orElseThrow())
        .build());
    Mqtt5Subscribe requests = Mqtt5Subscribe.builder().topicFilter("$share/raw/" + requestTopic)
        .qos(MqttQos.AT_LEAST_ONCE).build();
    (callbacks == null ? responder.subscribe(requests, answer) : responder.subscribe(requests, answer, callbacks))
        .get(10, TimeUnit.SECONDS);
    requester = MqttClient.builder().useMqttVersion5().identifier("raw-requester-" + id)
        .serverHost("127.0.0.1").serverPort(port).buildAsync();
    requester.connect().get(10, TimeUnit.SECONDS);
    Consumer<Mqtt5Publish> complete = response -> {
      CompletableFuture<Void> call = waiting.remove(text(response.getCorrelationData().orElseThrow()));
      if (call != null) {
        call.complete(null);
      }
    };
    Mqtt5Subscribe replies = Mqtt5Subscribe.builder().topicFilter(responseTopic).qos(MqttQos.AT_LEAST_ONCE).build();
    (callbacks == null ? requester.subscribe(replies, complete) : requester.subscribe(replies, complete, callbacks))
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public String name() {
    return onIoThread ? "raw HiveMQ client, callbacks on the I/O thread" : "raw HiveMQ client, default callbacks";
  }

  @Override
  public void call() throws Exception {
    String correlation = MessageIds.newId();
    CompletableFuture<Void> reply = new CompletableFuture<>();
    waiting.put(correlation, reply);
    requester.publish(Mqtt5Publish.builder()
        .topic(requestTopic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(request)
        .responseTopic(responseTopic)
        .correlationData(correlation.getBytes(StandardCharsets.UTF_8))
        .build());
    reply.get(5, TimeUnit.SECONDS);
  }

  private static String text(ByteBuffer buffer) {
    return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
  }

  @Override
  public void close() {
    requester.disconnect().join();
    responder.disconnect().join();
  }
}
