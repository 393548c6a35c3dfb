package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.Message;
import dev.purista.core.telemetry.Otp;
import dev.purista.http.fixture.ServerUnderTest;
import dev.purista.testkit.TraceChain;
import dev.purista.testkit.TracingSdk;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tracing from a real HTTP request through three services on the in-memory bridge: one trace with correct
 * parents, the request's {@code traceparent} as the root's parent, and without an SDK no context invented.
 */
class TracingTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void anHttpRequestCommandsAnEventAndASubscriptionMakeOneTrace() throws Exception {
    try (TracingSdk sdk = new TracingSdk()) {
      CompletableFuture<Message> received = new CompletableFuture<>();
      Application application = chain(Application.builder(new DefaultEventBridge()).openTelemetry(sdk.openTelemetry()),
          received);
      try {
        SpanContext caller = TraceChain.newCaller();

        TraceChain.Answer response = TraceChain.post(port(application), TraceChain.traceparent(caller));

        assertEquals(200, response.status(), response.body());
        assertEquals(caller.getTraceId(), response.traceIdHeader(),
            "the envelope's trace id is the W3C trace id the request named");
        Message event = received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<SpanData> chain = TraceChain.assertOneTrace(sdk.awaitSpans(TraceChain::isLast, 1, WAIT), caller);
        SpanData emit = chain.get(4);
        assertEquals("00-" + emit.getTraceId() + "-" + emit.getSpanId() + "-01", Otp.traceparent(event.otp()),
            "the event's otp names the emitting span");
        assertEquals("{\"traceparent\":\"" + Otp.traceparent(event.otp()) + "\"}", event.otp(),
            "otp is written as the original writes it");
      } finally {
        application.stop();
      }
    }
  }

  @Test
  void withoutTraceparentTheHttpSpanStartsTheTraceAndNamesTheEnvelopesTraceId() throws Exception {
    try (TracingSdk sdk = new TracingSdk()) {
      CompletableFuture<Message> received = new CompletableFuture<>();
      Application application = chain(Application.builder(new DefaultEventBridge()).openTelemetry(sdk.openTelemetry()),
          received);
      try {
        TraceChain.Answer response = TraceChain.post(port(application), "00-not-a-valid-traceparent-01");

        assertEquals(200, response.status(), "a malformed traceparent never fails a request");
        received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<SpanData> spans = sdk.awaitSpans(TraceChain::isLast, 1, WAIT);
        SpanData http = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER
            && span.getName().startsWith("POST")).findFirst().orElseThrow();
        assertFalse(http.getParentSpanContext().isValid(), "a new trace starts at the HTTP span");
        assertEquals(http.getTraceId(), response.traceIdHeader(),
            "the envelope's trace id is the span's");
      } finally {
        application.stop();
      }
    }
  }

  @Test
  void healthProbesAreNotTraced() throws Exception {
    try (TracingSdk sdk = new TracingSdk()) {
      Application application = chain(Application.builder(new DefaultEventBridge()).openTelemetry(sdk.openTelemetry()),
          new CompletableFuture<>());
      try {
        java.net.http.HttpResponse<String> live = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port(application)
                + "/healthz/live")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
        TraceChain.post(port(application), null);
        List<SpanData> spans = sdk.awaitSpans(TraceChain::isLast, 1, WAIT);
        assertEquals(List.of(), spans.stream().filter(span -> span.getName().startsWith("GET")).toList(),
            "no span for the probe");
      } finally {
        application.stop();
      }
    }
  }

  @Test
  void withoutAnSdkNothingBreaksAndNoContextIsInvented() throws Exception {
    CompletableFuture<Message> untraced = new CompletableFuture<>();
    Application application = chain(Application.builder(new DefaultEventBridge()), untraced);
    try {
      TraceChain.Answer response = TraceChain.post(port(application), null);
      assertEquals(200, response.status(), response.body());
      assertNull(untraced.get(WAIT.toSeconds(), TimeUnit.SECONDS).otp(), "no otp without an SDK or a caller");
    } finally {
      application.stop();
    }

    CompletableFuture<Message> passedOn = new CompletableFuture<>();
    HttpServer second = HttpServer.of(ServerUnderTest.settings().build());
    application = Application.builder(new DefaultEventBridge()).service(TraceChain.front())
        .service(TraceChain.middle()).service(TraceChain.back(passedOn)).component(second).build().start();
    try {
      SpanContext caller = TraceChain.newCaller();
      TraceChain.Answer response = TraceChain.post(second.port(), TraceChain.traceparent(caller));
      assertEquals(200, response.status(), response.body());
      String otp = passedOn.get(WAIT.toSeconds(), TimeUnit.SECONDS).otp();
      assertEquals(TraceChain.traceparent(caller), Otp.traceparent(otp),
          "without an SDK the caller's context passes through unchanged");
      assertNotEquals(null, otp);
    } finally {
      application.stop();
    }
  }

  private final HttpServer server = HttpServer.of(ServerUnderTest.settings().build());

  private Application chain(Application.Builder builder, CompletableFuture<Message> received) {
    return builder.service(TraceChain.front()).service(TraceChain.middle()).service(TraceChain.back(received))
        .component(server).build().start();
  }

  private int port(Application application) {
    return server.port();
  }
}
