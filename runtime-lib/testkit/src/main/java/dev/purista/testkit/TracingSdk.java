package dev.purista.testkit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * An OpenTelemetry SDK that keeps what it records in memory, for tests: pass {@link #openTelemetry()} to a
 * service's options or an application, then read the finished spans and the metrics. Nothing global is set.
 */
public final class TracingSdk implements AutoCloseable {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .build();

  /** A new SDK with empty recorders. */
  public TracingSdk() {
    // Everything is set up in the field initialisers.
  }

  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  /** The spans ended so far. */
  public List<SpanData> spans() {
    return spans.getFinishedSpanItems();
  }

  /**
   * Waits until at least {@code count} ended spans match {@code filter} (a span ends after the answer it belongs
   * to may have arrived), and returns all ended spans.
   *
   * @throws AssertionError when they do not arrive within {@code wait}
   */
  public List<SpanData> awaitSpans(Predicate<SpanData> filter, int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<SpanData> finished = spans();
      if (finished.stream().filter(filter).count() >= count) {
        return finished;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " matching spans within " + wait + ", got: " + finished);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Collects the metrics recorded so far (cumulative). */
  public Collection<MetricData> metrics() {
    return metrics.collectAllMetrics();
  }

  @Override
  public void close() {
    sdk.close();
  }
}
