package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageIds;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import dev.purista.testkit.TraceChain;
import dev.purista.testkit.TracingSdk;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One trace over NATS: three services, each on its own bridge under a subject prefix of this test's own, called
 * from a real HTTP request; a plain client listening on every subject of the prefix reads the trace context in
 * the NATS headers and the envelope of the relayed command and of the event.
 */
class TracingTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void anHttpRequestCommandsAnEventAndASubscriptionMakeOneTraceOverTheBroker() throws Exception {
    String prefix = "trace" + MessageIds.newId().substring(0, 8);
    List<Message> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(0).build());
    CompletableFuture<dev.purista.core.message.Message> received = new CompletableFuture<>();
    try (TracingSdk sdk = new TracingSdk(); BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      Dispatcher listener = probe.connection.createDispatcher(seen::add);
      listener.subscribe(prefix + ".>");
      probe.connection.flush(WAIT);
      Application back = application(prefix, sdk).service(TraceChain.back(received)).build().start();
      Application middle = application(prefix, sdk).service(TraceChain.middle()).build().start();
      Application front = application(prefix, sdk).service(TraceChain.front()).component(server).build().start();
      try {
        SpanContext caller = TraceChain.newCaller();

        TraceChain.Answer response = TraceChain.post(server.port(), TraceChain.traceparent(caller));

        assertEquals(200, response.status(), response.body());
        received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<SpanData> chain = TraceChain.assertOneTrace(sdk.awaitSpans(TraceChain::isLast, 1, WAIT), caller);
        Message command = awaitOne(seen, "command", "receiverServiceName", TraceChain.RELAY.serviceName());
        TraceChain.assertWireContext(command.getHeaders().getFirst("traceparent"), otp(command), chain.get(2));
        Message event = awaitOne(seen, "customMessage", "eventName", TraceChain.EVENT);
        TraceChain.assertWireContext(event.getHeaders().getFirst("traceparent"), otp(event), chain.get(4));
      } finally {
        front.stop();
        middle.stop();
        back.stop();
      }
    }
  }

  private static Application.Builder application(String prefix, TracingSdk sdk) {
    return Application.builder(new NatsBridge(NatsTestSupport.fastConfig(NatsTestSupport.brokerUrl())
        .subjectPrefix(prefix).build())).openTelemetry(sdk.openTelemetry());
  }

  private static String otp(Message message) throws IOException {
    return new ObjectMapper().readTree(message.getData()).path("otp").asText(null);
  }

  private static Message awaitOne(List<Message> seen, String messageType, String header, String value) {
    Message[] found = new Message[1];
    Eventually.await(WAIT, "a " + messageType + " with " + header + "=" + value, () -> {
      for (Message message : seen) {
        Headers headers = message.getHeaders();
        if (headers != null && messageType.equals(headers.getFirst("messageType"))
            && value.equals(headers.getFirst(header))) {
          found[0] = message;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }
}
