package dev.purista.benchmarks.common;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Request/reply as an application makes it over a broker bridge (a {@link PuristaClient} invoking a service command
 * in another bridge instance, the full pipeline), with tracing off (the OpenTelemetry API without an SDK) and on
 * (an SDK recording the client and server span of every call and handing them in batches to an exporter that counts
 * and drops them), in interleaved rounds of one run. With tracing on, every command and response also carries
 * {@code otp} and the broker's {@code traceparent} header.
 */
public final class TracingComparison {
  /** Payload of the benchmark command. */
  public record Greeting(String name, int count) {
  }

  /** Result of the benchmark command. */
  public record Reply(String text) {
  }

  private TracingComparison() {
  }

  /** Runs the comparison on bridges from {@code bridges} (new, not started) and prints a table and the ratio. */
  public static void run(String bridgeName, Supplier<EventBridge> bridges) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 60);
    int calls = Integer.getInteger("bench.calls", 300);
    int warmupRounds = Integer.getInteger("bench.warmupRounds", 20);
    CountingExporter exporter = new CountingExporter();
    try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build()).build();
        Side off = new Side("tracing off (API, no SDK)", "tracingBenchOff", bridges, OpenTelemetry.noop());
        Side on = new Side("tracing on (SDK, batch, in-process exporter)", "tracingBenchOn", bridges, sdk)) {
      System.out.printf(Locale.ROOT, "%s bridge, service request/reply; %d warm-up + %d measured rounds of %d calls"
          + " each; Java %s%n", bridgeName, warmupRounds, rounds, calls, System.getProperty("java.version"));
      Map<Side, LatencyRecorder> results = new InterleavedRounds(warmupRounds, rounds, calls).run(List.of(off, on));
      System.out.println();
      System.out.println("| side | calls | p50 (µs) | p99 (µs) | calls/s |");
      System.out.println("|---|---:|---:|---:|---:|");
      results.forEach((side, r) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f |%n",
          side.name(), r.count(), r.percentileMicros(50), r.percentileMicros(99), r.callsPerSecond()));
      LatencyRecorder offResult = results.get(off);
      LatencyRecorder onResult = results.get(on);
      System.out.printf(Locale.ROOT, "%nratio on/off: p50 %.3f, p99 %.3f; spans exported: %d%n",
          onResult.percentileMicros(50) / offResult.percentileMicros(50),
          onResult.percentileMicros(99) / offResult.percentileMicros(99), exporter.exported.get());
    }
    if (exporter.exported.get() == 0) {
      throw new IllegalStateException("tracing was on but no span was exported");
    }
  }

  /** A service and a client on two bridges of their own; each side's service has its own name. */
  private static final class Side implements RoundTrip, AutoCloseable {
    private final String name;
    private final MessageAddress greet;
    private final EventBridge serving;
    private final EventBridge calling;
    private final Service service;
    private final PuristaClient client;

    Side(String name, String serviceName, Supplier<EventBridge> bridges, OpenTelemetry openTelemetry) {
      this.name = name;
      this.greet = MessageAddress.of(serviceName, "1", "greet");
      serving = bridges.get();
      serving.start();
      service = ServiceDefinition.builder(greet.serviceName(), greet.serviceVersion())
          .command(CommandDefinition.builder(greet.serviceTarget(), Greeting.class, Void.class, Reply.class)
              .handler((ctx, greeting, none) -> new Reply("hello " + greeting.name() + " x" + greeting.count()))
              .build())
          .build()
          .getInstance(serving, ServiceOptions.configure(options -> options.openTelemetry(openTelemetry)));
      service.start();
      calling = bridges.get();
      calling.start();
      client = PuristaClient.of(calling, "tracingCaller", openTelemetry);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void call() {
      Reply reply = client.invoke(greet, new Greeting("benchmark", 1), null, Reply.class, Duration.ofSeconds(5));
      if (!reply.text().equals("hello benchmark x1")) {
        throw new IllegalStateException("unexpected reply " + reply);
      }
    }

    @Override
    public void close() {
      service.stop(Duration.ofSeconds(5));
      calling.stop();
      serving.stop();
    }
  }

  /** Counts the spans it is handed and drops them. */
  private static final class CountingExporter implements SpanExporter {
    final AtomicLong exported = new AtomicLong();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAndGet(spans.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
