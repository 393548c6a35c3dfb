package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.Message;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import dev.purista.testkit.TraceChain;
import dev.purista.testkit.TracingSdk;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One trace over RabbitMQ: three services, each on its own bridge, called from a real HTTP request; a plain
 * client bound to the exchange reads the trace context the event carries. (Commands go to their queue through the
 * default exchange, where no client can listen in; their headers come from the same code as the event's.)
 */
class TracingTest extends BrokerTestSupport {
  @Test
  void anHttpRequestCommandsAnEventAndASubscriptionMakeOneTraceOverTheBroker() throws Exception {
    HttpServer server = HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(0).build());
    CompletableFuture<Message> received = new CompletableFuture<>();
    try (TracingSdk sdk = new TracingSdk()) {
      Application back = Application.builder(bridge()).openTelemetry(sdk.openTelemetry())
          .service(TraceChain.back(received)).build().start();
      Application middle = Application.builder(bridge()).openTelemetry(sdk.openTelemetry())
          .service(TraceChain.middle()).build().start();
      Application front = Application.builder(bridge()).openTelemetry(sdk.openTelemetry())
          .service(TraceChain.front()).component(server).build().start();
      try {
        // Bound once the bridges declared the exchange.
        Channel channel = inspector.createChannel();
        String events = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(events, prefix, "", Map.of("x-match", "all", "eventName", TraceChain.EVENT));
        SpanContext caller = TraceChain.newCaller();

        TraceChain.Answer response = TraceChain.post(server.port(), TraceChain.traceparent(caller));

        assertEquals(200, response.status(), response.body());
        received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<SpanData> chain = TraceChain.assertOneTrace(sdk.awaitSpans(TraceChain::isLast, 1, WAIT), caller);
        GetResponse event = takeOne(events);
        TraceChain.assertWireContext(header(event, "traceparent"), otp(event), chain.get(4));
      } finally {
        front.stop();
        middle.stop();
        back.stop();
      }
    }
  }

  private static String otp(GetResponse message) throws java.io.IOException {
    return new ObjectMapper().readTree(message.getBody()).path("otp").asText(null);
  }
}
