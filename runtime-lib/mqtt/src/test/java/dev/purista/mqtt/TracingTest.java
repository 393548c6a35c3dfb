package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.Message;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import dev.purista.testkit.TraceChain;
import dev.purista.testkit.TracingSdk;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One trace over MQTT 5: three services, each on its own bridge under a topic prefix of this test's own, called
 * from a real HTTP request; a plain client subscribed to every topic of the prefix reads the trace context in
 * the user properties and the envelope of the relayed command and of the event.
 */
class TracingTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();

  private Fixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void anHttpRequestCommandsAnEventAndASubscriptionMakeOneTraceOverTheBroker() throws Exception {
    String prefix = unique("trace");
    RawClient wire = fixture.raw(unique("wire")).watch(prefix + "/#");
    HttpServer server = HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(0).build());
    CompletableFuture<Message> received = new CompletableFuture<>();
    try (TracingSdk sdk = new TracingSdk()) {
      Application back = application(prefix, sdk).service(TraceChain.back(received)).build().start();
      Application middle = application(prefix, sdk).service(TraceChain.middle()).build().start();
      Application front = application(prefix, sdk).service(TraceChain.front()).component(server).build().start();
      try {
        SpanContext caller = TraceChain.newCaller();

        TraceChain.Answer response = TraceChain.post(server.port(), TraceChain.traceparent(caller));

        assertEquals(200, response.status(), response.body());
        received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<SpanData> chain = TraceChain.assertOneTrace(sdk.awaitSpans(TraceChain::isLast, 1, WAIT), caller);
        // Topic parts are snake_cased, as the original writes them.
        Mqtt5Publish command = awaitCommand(wire, "trace_middle/1/relay");
        TraceChain.assertWireContext(RawClient.property(command, "traceparent"), otp(command), chain.get(2));
        Mqtt5Publish event = awaitOne(wire, "customMessage", "eventName", TraceChain.EVENT);
        TraceChain.assertWireContext(RawClient.property(event, "traceparent"), otp(event), chain.get(4));
      } finally {
        front.stop();
        middle.stop();
        back.stop();
      }
    }
  }

  private Application.Builder application(String prefix, TracingSdk sdk) {
    MqttBridge bridge = MqttBridge.configure(config -> config.url(MOSQUITTO.broker().url()).topicPrefix(prefix)
        .stopTimeout(Duration.ofSeconds(5)));
    return Application.builder(bridge).openTelemetry(sdk.openTelemetry());
  }

  private static String otp(Mqtt5Publish publish) throws IOException {
    return new ObjectMapper().readTree(publish.getPayloadAsBytes()).path("otp").asText(null);
  }

  /** Commands carry no routing properties on MQTT (the topic names the receiver), only the trace context. */
  private static Mqtt5Publish awaitCommand(RawClient wire, String receiverService) {
    Mqtt5Publish[] found = new Mqtt5Publish[1];
    awaitTrue(() -> {
      for (Mqtt5Publish publish : wire.received()) {
        String topic = publish.getTopic().toString();
        if (topic.contains("/command/") && topic.endsWith("/" + receiverService)) {
          found[0] = publish;
          return true;
        }
      }
      return false;
    }, WAIT, "a command to " + receiverService + " among " + wire.received().stream()
        .map(publish -> publish.getTopic().toString()).toList());
    return found[0];
  }

  private static Mqtt5Publish awaitOne(RawClient wire, String messageType, String property, String value) {
    Mqtt5Publish[] found = new Mqtt5Publish[1];
    awaitTrue(() -> {
      for (Mqtt5Publish publish : wire.received()) {
        if (messageType.equals(RawClient.property(publish, "messageType"))
            && value.equals(RawClient.property(publish, property))) {
          found[0] = publish;
          return true;
        }
      }
      return false;
    }, WAIT, "a " + messageType + " with " + property + "=" + value);
    return found[0];
  }
}
