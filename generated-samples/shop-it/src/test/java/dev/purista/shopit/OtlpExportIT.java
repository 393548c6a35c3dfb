package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.testkit.OtlpReceiver;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monolith jar exports its spans and metrics over OTLP (HTTP/protobuf) when the standard {@code OTEL_*}
 * variables ask for it, and nothing otherwise. Each case is one JVM, stopped with SIGTERM after one request: the
 * SDK's shutdown hook flushes what it buffered, so what the receiver holds once the process has exited is all it
 * will ever get.
 */
class OtlpExportIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SIGTERM_EXIT = 143;
  private static final String SERVICE_NAME = "shop-monolith-otlp";
  private static final String PING_ROUTE = "/api/v1/ping";
  private static TestIdentity identity;

  @BeforeAll
  static void startIdentity() throws Exception {
    identity = new TestIdentity();
  }

  @AfterAll
  static void stopIdentity() {
    if (identity != null) {
      identity.close();
    }
  }

  @Test
  void withTheVariablesARequestsSpansAndTheCommandMetricsReachTheCollector() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      Map<String, String> otel = new HashMap<>();
      otel.put("OTEL_SERVICE_NAME", SERVICE_NAME);
      otel.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
      otel.put("OTEL_BSP_SCHEDULE_DELAY", "100");
      otel.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
      String output = pingOnceAndStop(otel);

      List<Span> spans = OtlpSpans.of(receiver, SERVICE_NAME);
      Span http = OtlpSpans.only(spans, SpanNames.httpRequest("GET", PING_ROUTE), output);
      assertEquals(Span.SpanKind.SPAN_KIND_SERVER, http.getKind());
      assertTrue(http.getParentSpanId().isEmpty(), "the request started the trace");
      assertEquals(PING_ROUTE, OtlpSpans.stringAttribute(http.getAttributesList(), "http.route"));
      assertEquals(200L, OtlpSpans.intAttribute(http.getAttributesList(), "http.response.status_code"));

      Span received = OtlpSpans.only(spans, SpanNames.COMMAND_RECEIVED, output);
      assertEquals(Span.SpanKind.SPAN_KIND_SERVER, received.getKind());
      assertEquals(http.getTraceId(), received.getTraceId(), "one trace");
      assertEquals(http.getSpanId(), received.getParentSpanId(), "the command runs as the request's child");
      assertEquals("ping", OtlpSpans.stringAttribute(received.getAttributesList(), "purista.receiver.name"));

      Set<String> metricNames = receiver.metrics().stream()
          .flatMap(request -> request.getResourceMetricsList().stream())
          .peek(resource -> assertEquals(SERVICE_NAME,
              OtlpSpans.serviceName(resource.getResource().getAttributesList())))
          .map(ResourceMetrics::getScopeMetricsList).flatMap(List::stream)
          .flatMap(scope -> scope.getMetricsList().stream()).map(metric -> metric.getName())
          .collect(Collectors.toSet());
      assertTrue(metricNames.containsAll(Set.of(MetricNames.COMMAND_CALLS, MetricNames.COMMAND_DURATION,
          MetricNames.IN_FLIGHT)), metricNames::toString);
      assertTrue(receiver.contentTypes().stream().allMatch("application/x-protobuf"::equals),
          receiver.contentTypes()::toString);
    }
  }

  @Test
  void withoutAServiceNameTheEndpointAloneExportsNothing() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      Map<String, String> otel = new HashMap<>();
      otel.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
      otel.put("OTEL_BSP_SCHEDULE_DELAY", "100");
      otel.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
      String output = pingOnceAndStop(otel);

      assertTrue(receiver.traces().isEmpty(), "no spans");
      assertTrue(receiver.metrics().isEmpty(), "no metrics");
      assertTrue(output.contains("OTEL_SERVICE_NAME"), "the warning names the missing variable:\n" + output);
    }
  }

  /** Starts the monolith with {@code otel}, asks {@code ping} once, stops it and returns its output. */
  private static String pingOnceAndStop(Map<String, String> otel) throws Exception {
    Map<String, String> environment = new HashMap<>(identity.environment());
    environment.putAll(otel);
    try (JavaProcess monolith = JavaProcess.start("monolith-otlp",
        List.of("-jar", Sample.artifact(Sample.reactorBuilt(), Sample.MONOLITH).toString()), environment)) {
      monolith.awaitReady();
      Http.Response pong = Http.get(monolith.baseUrl() + PING_ROUTE);
      assertEquals(200, pong.status(), pong::body);
      monolith.terminate();
      assertEquals(SIGTERM_EXIT, monolith.exitCode(WAIT), monolith::output);
      return monolith.output();
    }
  }
}
