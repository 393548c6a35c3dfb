package dev.purista.benchmarks.inmemory;

import dev.purista.core.ServiceOptions;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory invoke of {@link InMemoryInvokeBenchmark} (one call at a time, validation on) with tracing off and
 * on, in one run. {@code off}: the OpenTelemetry API with no SDK, what every application gets by default.
 * {@code sdk}: an SDK that records every span (client and server span per call) and hands them in batches to an
 * in-process exporter that counts and drops them, as a production SDK hands them to its OTLP exporter, so that the
 * figure is the runtime's and the SDK's cost without a network.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 10, time = 2)
public class TracingBenchmark {
  /** The service with or without an SDK. */
  @State(Scope.Benchmark)
  public static class Traced {
    @Param({"off", "sdk"})
    public String tracing;

    UserSystem system;
    OpenTelemetrySdk sdk;
    final CountingExporter exporter = new CountingExporter();

    @Setup(Level.Trial)
    public void start() {
      ServiceOptions options = ServiceOptions.defaults();
      if (tracing.equals("sdk")) {
        sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build()).build();
        options = options.toBuilder().openTelemetry(sdk).build();
      }
      system = UserSystem.start(false, options);
      InMemoryInvokeBenchmark.requireValidationOn(system);
    }

    @TearDown(Level.Trial)
    public void stop() {
      system.close();
      if (sdk != null) {
        sdk.close();
        if (exporter.exported.get() == 0) {
          throw new IllegalStateException("tracing was on but no span was exported");
        }
      }
    }
  }

  /**
   * The system of the {@code sdk} case, started: for {@link TracingOverheadVsBaseline}, which calls it in a class
   * loader of its own.
   */
  public static UserSystem startTraced() {
    Traced traced = new Traced();
    traced.tracing = "sdk";
    traced.start();
    return traced.system;
  }

  /** Counts the spans it is handed and drops them. */
  static final class CountingExporter implements SpanExporter {
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

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public GetUserResult invokeOneAtATime(Traced traced, InMemoryInvokeBenchmark.CallIds ids) {
    String id = ids.next();
    GetUserResult result = traced.system.getUser(id);
    InMemoryInvokeBenchmark.requireAnswerTo(id, result);
    return result;
  }
}
