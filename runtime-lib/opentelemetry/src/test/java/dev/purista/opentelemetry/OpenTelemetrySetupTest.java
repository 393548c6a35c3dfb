package dev.purista.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SDK turns on from the standard variables and stays off without them. The export test runs a real process
 * against a local OTLP receiver that decodes the protobuf it gets.
 */
class OpenTelemetrySetupTest {
  private static final String SERVICE = "otlp-test-service";

  @Test
  void withoutTheVariablesItStaysOffAndInstallsNothing() {
    assertSame(OpenTelemetry.noop(), OpenTelemetrySetup.install(Map.of()));
    assertFalse(OpenTelemetrySetup.wanted(Map.of("OTEL_SERVICE_NAME", SERVICE)), "no exporter asked for");
    assertFalse(OpenTelemetrySetup.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")),
        "no service name");
    assertFalse(OpenTelemetrySetup.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
        "OTEL_SERVICE_NAME", SERVICE, "OTEL_SDK_DISABLED", "true")), "disabled");
    assertTrue(OpenTelemetrySetup.wanted(Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_SERVICE_NAME", SERVICE)));
    assertTrue(OpenTelemetrySetup.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
        "OTEL_SERVICE_NAME", SERVICE)));
    assertFalse(GlobalOpenTelemetry.isSet(), "nothing was installed");
  }

  @Test
  void aProcessExportsItsSpansAndMetricsOverOtlpHttpProtobuf() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      assertEquals(0, run(receiver, Map.of("OTEL_SDK_DISABLED", "true")), "the process runs with the SDK off");
      assertTrue(receiver.traces().isEmpty() && receiver.metrics().isEmpty(), "and sends nothing");

      assertEquals(0, run(receiver, Map.of()), "the process runs with the SDK on");

      List<Span> spans = new ArrayList<>();
      for (var request : receiver.traces()) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
          assertEquals(SERVICE, attribute(resource.getResource().getAttributesList(), "service.name"));
          for (ScopeSpans scope : resource.getScopeSpansList()) {
            spans.addAll(scope.getSpansList());
          }
        }
      }
      Map<String, Long> names = spans.stream().collect(Collectors.groupingBy(Span::getName,
          Collectors.counting()));
      assertEquals(2L, names.get(SpanNames.COMMAND_INVOKE), names.toString());
      assertEquals(2L, names.get(SpanNames.COMMAND_RECEIVED), names.toString());
      assertEquals(1L, names.get(SpanNames.EMIT_MESSAGE), names.toString());
      assertEquals(1L, names.get(SpanNames.SUBSCRIPTION_EVENT_RECEIVED), names.toString());
      Set<String> traceIds = spans.stream().map(span -> HexFormat.of().formatHex(span.getTraceId().toByteArray()))
          .collect(Collectors.toSet());
      assertEquals(1, traceIds.size(), "one trace: " + traceIds);
      Set<String> metricNames = receiver.metrics().stream()
          .flatMap(request -> request.getResourceMetricsList().stream())
          .flatMap(resource -> resource.getScopeMetricsList().stream())
          .flatMap(scope -> scope.getMetricsList().stream())
          .map(metric -> metric.getName()).collect(Collectors.toSet());
      assertTrue(metricNames.contains(MetricNames.COMMAND_CALLS), metricNames.toString());
      assertTrue(metricNames.contains(MetricNames.SUBSCRIPTION_DURATION), metricNames.toString());
      assertTrue(receiver.contentTypes().stream().allMatch("application/x-protobuf"::equals),
          receiver.contentTypes().toString());
    }
  }

  /** Runs {@link TracedProcess} with the receiver as endpoint, plus {@code extra}; returns its exit code. */
  private static int run(OtlpReceiver receiver, Map<String, String> extra) throws Exception {
    Path log = Files.createTempFile("traced-process", ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TracedProcess.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("OTEL_"));
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    environment.put("OTEL_SERVICE_NAME", SERVICE);
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "50");
    environment.putAll(extra);
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends");
      int exit = process.exitValue();
      if (exit != 0) {
        System.err.println(Files.readString(log));
      }
      return exit;
    } finally {
      process.destroyForcibly();
      new File(log.toString()).delete();
    }
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue().getStringValue())
        .findFirst().orElse(null);
  }
}
