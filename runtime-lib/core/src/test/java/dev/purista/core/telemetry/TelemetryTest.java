package dev.purista.core.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.StatusCode;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Spans, their status, the MDC and the call metrics of commands on the in-memory bridge, with an SDK. */
class TelemetryTest {
  private static final MessageAddress WORK = MessageAddress.of("tele", "1", "work");

  record Job(String mode) {
  }

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .build();
  private final AtomicReference<Map<String, String>> mdc = new AtomicReference<>();
  private DefaultEventBridge bridge;

  @BeforeEach
  void service() {
    bridge = new DefaultEventBridge();
    bridge.start();
    ServiceDefinition.builder("tele", "1")
        .command(CommandDefinition.builder("work", Job.class, Void.class, String.class)
            .handler((ctx, job, parameter) -> {
              mdc.set(new HashMap<>(MDC.getCopyOfContextMap()));
              switch (job.mode()) {
                case "refuse":
                  throw new HandledError(StatusCode.CONFLICT, "refused");
                case "crash":
                  throw new IllegalStateException("crashed");
                default:
                  return "done";
              }
            }).build())
        .build()
        .getInstance(bridge, ServiceOptions.configure(options -> options.openTelemetry(sdk)))
        .start();
  }

  @AfterEach
  void stop() {
    bridge.stop();
    sdk.close();
  }

  @Test
  void aHandledErrorIsAnAttributeAndAnUnhandledOneAnErrorStatus() {
    PuristaClient client = PuristaClient.of(bridge, "test", sdk);
    assertEquals("done", client.invoke(WORK, new Job("ok"), null, String.class));
    assertThrows(HandledError.class, () -> client.invoke(WORK, new Job("refuse"), null, String.class));
    assertThrows(RuntimeException.class, () -> client.invoke(WORK, new Job("crash"), null, String.class));

    List<SpanData> received = received(3);
    assertEquals(io.opentelemetry.api.trace.StatusCode.UNSET, received.get(0).getStatus().getStatusCode());
    assertNull(received.get(0).getAttributes().get(AttributeKey.longKey(SpanAttributes.ERROR_STATUS)));
    assertEquals(409L, received.get(1).getAttributes().get(AttributeKey.longKey(SpanAttributes.ERROR_STATUS)));
    assertEquals(io.opentelemetry.api.trace.StatusCode.UNSET, received.get(1).getStatus().getStatusCode(), "a handled error is an answer");
    assertEquals(500L, received.get(2).getAttributes().get(AttributeKey.longKey(SpanAttributes.ERROR_STATUS)));
    assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, received.get(2).getStatus().getStatusCode());
    assertEquals("test", received.get(0).getAttributes().get(AttributeKey.stringKey(SpanAttributes.SENDER_NAME)));
    assertEquals("work", received.get(0).getAttributes().get(AttributeKey.stringKey(
        SpanAttributes.RECEIVER_TARGET)));
  }

  @Test
  void theHandlersMdcNamesItsSpan() {
    PuristaClient.of(bridge, "test", sdk).invoke(WORK, new Job("ok"), null, String.class);

    SpanData span = received(1).get(0);
    assertEquals(span.getSpanId(), mdc.get().get("spanId"));
    assertEquals(span.getTraceId(), mdc.get().get("otelTraceId"));
    assertTrue(mdc.get().get("traceId") != null, "the envelope's trace id stays under traceId");
  }

  @Test
  void aMalformedOtpStartsANewTraceAndNeverFailsTheCommand() throws Exception {
    for (String otp : List.of("not json", "{\"traceparent\":\"00-zz-yy-01\"}", "[1,2]", "{\"traceparent\":7}")) {
      Message answer = bridge.invoke(command(otp), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals(MessageType.COMMAND_SUCCESS_RESPONSE, answer.messageType(), otp);
    }
    for (SpanData span : received(4)) {
      assertFalse(span.getParentSpanContext().isValid(), "a new trace for a malformed otp");
    }
  }

  @Test
  void callsErrorsAndDurationsAreCountedPerCommandAndOutcome() {
    PuristaClient client = PuristaClient.of(bridge, "test", sdk);
    client.invoke(WORK, new Job("ok"), null, String.class);
    client.invoke(WORK, new Job("ok"), null, String.class);
    assertThrows(HandledError.class, () -> client.invoke(WORK, new Job("refuse"), null, String.class));
    assertThrows(RuntimeException.class, () -> client.invoke(WORK, new Job("crash"), null, String.class));

    List<MetricData> recorded = List.copyOf(metrics.collectAllMetrics());
    assertEquals(2, sum(recorded, MetricNames.COMMAND_CALLS, "ok"));
    assertEquals(1, sum(recorded, MetricNames.COMMAND_CALLS, "409"));
    assertEquals(1, sum(recorded, MetricNames.COMMAND_CALLS, "500"));
    assertEquals(1, sum(recorded, MetricNames.COMMAND_ERRORS, "409"));
    assertEquals(0, sum(recorded, MetricNames.COMMAND_ERRORS, "ok"));
    HistogramPointData okDurations = metric(recorded, MetricNames.COMMAND_DURATION).getHistogramData().getPoints()
        .stream().filter(point -> "ok".equals(outcome(point.getAttributes()))).findFirst().orElseThrow();
    assertEquals(2, okDurations.getCount());
    assertTrue(okDurations.getSum() > 0, "durations are measured");
    LongPointData inFlight = metric(recorded, MetricNames.IN_FLIGHT).getLongSumData().getPoints().iterator().next();
    assertEquals(0, inFlight.getValue(), "nothing is in flight between calls");
    assertEquals("tele", inFlight.getAttributes().get(AttributeKey.stringKey(SpanAttributes.SERVICE_NAME)));
  }

  @Test
  void withoutAnSdkNoOtpIsInventedAndAReceivedOneIsPassedOn() throws Exception {
    DefaultEventBridge plain = new DefaultEventBridge();
    plain.start();
    AtomicReference<Message> forwarded = new AtomicReference<>();
    try {
      ServiceDefinition.builder("plain", "1")
          .command(CommandDefinition.builder("relay", Job.class, Void.class, String.class)
              .handler((ctx, job, parameter) -> ctx.invoke(MessageAddress.of("plain", "1", "look"), job, null,
                  String.class)).build())
          .command(CommandDefinition.builder("look", Job.class, Void.class, String.class)
              .handler((ctx, job, parameter) -> {
                forwarded.set(ctx.message());
                return "seen";
              }).build())
          .build().getInstance(plain).start();
      assertFalse(GlobalOpenTelemetry.isSet(), "this test runs without a global SDK");

      PuristaClient.of(plain, "test").invoke(MessageAddress.of("plain", "1", "relay"), new Job("x"), null,
          String.class);
      assertNull(forwarded.get().otp(), "no context is invented");

      String otp = Otp.format("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "vendor=value");
      Message relay = Message.builder(MessageType.COMMAND).correlationId(MessageIds.newId()).otp(otp)
          .sender(new MessageAddress("test", "1", "run", "caller-1"))
          .receiver(MessageAddress.of("plain", "1", "relay"))
          .payload(new CommandPayload(new Job("y"), null)).build();
      plain.invoke(relay, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals(otp, forwarded.get().otp(), "a received context passes through unchanged");
    } finally {
      plain.stop();
    }
  }

  @Test
  void withoutMetricsNoInstrumentIsBuilt() throws Exception {
    AtomicInteger meterLookups = new AtomicInteger();
    OpenTelemetry tracingOnly = new OpenTelemetry() {
      @Override
      public TracerProvider getTracerProvider() {
        return sdk.getTracerProvider();
      }

      @Override
      public MeterProvider getMeterProvider() {
        return MeterProvider.noop();
      }

      @Override
      public Meter getMeter(String instrumentationScopeName) {
        meterLookups.incrementAndGet();
        return MeterProvider.noop().get(instrumentationScopeName);
      }

      @Override
      public ContextPropagators getPropagators() {
        return ContextPropagators.noop();
      }
    };
    DefaultEventBridge plain = new DefaultEventBridge();
    plain.start();
    try {
      ServiceDefinition.builder("quiet", "1")
          .command(CommandDefinition.builder("work", Job.class, Void.class, String.class)
              .handler((ctx, job, parameter) -> "done").build())
          .build()
          .getInstance(plain, ServiceOptions.configure(options -> options.openTelemetry(tracingOnly)))
          .start();

      String answer = PuristaClient.of(plain, "test").invoke(MessageAddress.of("quiet", "1", "work"), new Job("ok"),
          null, String.class);

      assertEquals("done", answer);
      assertEquals(0, meterLookups.get(), "a meter provider that records nothing is never asked for a meter");
      assertTrue(spans.getFinishedSpanItems().stream().anyMatch(span -> span.getName().equals(SpanNames.COMMAND_RECEIVED)),
          "tracing stays on without metrics");
    } finally {
      plain.stop();
    }
  }

  @Test
  void otpIsWrittenAsTheOriginalWritesItAndReadBack() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    assertEquals("{\"traceparent\":\"" + traceparent + "\"}", Otp.format(traceparent, null));
    String withState = Otp.format(traceparent, "a=\"1\",b=2");
    assertEquals("{\"traceparent\":\"" + traceparent + "\",\"tracestate\":\"a=\\\"1\\\",b=2\"}", withState);
    assertEquals(traceparent, Otp.traceparent(withState));
    assertEquals("a=\"1\",b=2", Otp.tracestate(withState));
    assertNull(Otp.traceparent("{\"traceparent\":"), "a truncated otp yields nothing");
    assertThrows(IllegalArgumentException.class, () -> Otp.parse("{} {}"));
  }

  private static Message command(String otp) {
    return Message.builder(MessageType.COMMAND).correlationId(MessageIds.newId()).otp(otp)
        .sender(new MessageAddress("test", "1", "run", "caller-1"))
        .receiver(WORK)
        .payload(new CommandPayload(new Job("ok"), null)).build();
  }

  private List<SpanData> received(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<SpanData> found = spans.getFinishedSpanItems().stream()
          .filter(span -> span.getName().equals(SpanNames.COMMAND_RECEIVED))
          .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
          .toList();
      if (found.size() >= count || System.nanoTime() > deadline) {
        assertEquals(count, found.size(), "received spans");
        return found;
      }
      Thread.onSpinWait();
    }
  }

  private static MetricData metric(List<MetricData> recorded, String name) {
    return recorded.stream().filter(data -> data.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + recorded));
  }

  private static long sum(List<MetricData> recorded, String name, String outcome) {
    return metric(recorded, name).getLongSumData().getPoints().stream()
        .filter(point -> outcome.equals(outcome(point.getAttributes())))
        .filter(point -> "work".equals(point.getAttributes().get(AttributeKey.stringKey(
            SpanAttributes.FUNCTION_NAME))))
        .mapToLong(LongPointData::getValue).sum();
  }

  private static String outcome(Attributes attributes) {
    return attributes.get(AttributeKey.stringKey(SpanAttributes.OUTCOME));
  }
}
