package dev.purista.core.internal;

import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;

/**
 * Calls, errors and durations of one command, subscription or queue worker. The attributes of a successful call
 * are built once, so that recording one costs no allocation; an error's are built when it happens.
 */
final class FunctionMetrics {
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(SpanAttributes.OUTCOME);
  private static final double NANOS_PER_SECOND = 1e9;

  private final boolean on;
  private final LongCounter calls;
  private final LongCounter errors;
  private final DoubleHistogram duration;
  private final Attributes function;
  private final Attributes ok;

  FunctionMetrics(Telemetry telemetry, LongCounter calls, LongCounter errors, DoubleHistogram duration,
      String service, String version, String name) {
    this.on = telemetry.metrics();
    this.calls = calls;
    this.errors = errors;
    this.duration = duration;
    if (!on) {
      // Nothing is recorded, and the instruments were never built.
      this.function = null;
      this.ok = null;
      return;
    }
    this.function = Attributes.of(AttributeKey.stringKey(SpanAttributes.SERVICE_NAME), service,
        AttributeKey.stringKey(SpanAttributes.SERVICE_VERSION), version,
        AttributeKey.stringKey(SpanAttributes.FUNCTION_NAME), name);
    this.ok = function.toBuilder().put(OUTCOME, "ok").build();
  }

  /** The clock reading a call starts with; zero when metrics are off. */
  long start() {
    return on ? System.nanoTime() : 0;
  }

  /** Records a call that began at {@code start}; {@code error} is {@code null} for success. */
  void record(long start, PuristaError error) {
    if (!on) {
      return;
    }
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    if (error == null) {
      calls.add(1, ok);
      duration.record(seconds, ok);
      return;
    }
    recordError(seconds, error.status());
  }

  /** Records a call that failed with something other than a purista error, as a 500. */
  void recordFailure(long start) {
    if (on) {
      recordError((System.nanoTime() - start) / NANOS_PER_SECOND, StatusCode.INTERNAL_SERVER_ERROR);
    }
  }

  private void recordError(double seconds, StatusCode status) {
    Attributes failed = function.toBuilder().put(OUTCOME, Integer.toString(status.code())).build();
    calls.add(1, failed);
    duration.record(seconds, failed);
    if (errors != null) {
      errors.add(1, failed);
    }
  }
}
