package dev.purista.core.internal;

import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;

/**
 * One service instance's tracer and instruments. With no SDK installed both halves are off, and the pipelines
 * then skip span and metric work entirely rather than call the no-op implementation: the hot path pays one field
 * read.
 */
final class Telemetry {
  /** The instrumentation scope of every span and metric the runtime records. */
  static final String SCOPE = "dev.purista";

  private final boolean tracing;
  private final boolean metrics;
  private final Tracer tracer;
  private final Meter meter;
  private final LongCounter commandCalls;
  private final LongCounter commandErrors;
  private final DoubleHistogram commandDuration;
  private final LongCounter subscriptionCalls;
  private final LongCounter subscriptionErrors;
  private final DoubleHistogram subscriptionDuration;
  private final LongCounter queueJobs;
  private final DoubleHistogram queueJobDuration;

  private Telemetry(OpenTelemetry openTelemetry) {
    this.tracing = !TraceContexts.tracingOff(openTelemetry);
    this.metrics = !TraceContexts.metricsOff(openTelemetry);
    this.tracer = openTelemetry.getTracer(SCOPE);
    // Without metrics the instruments stay unbuilt: the no-op meter's ninety-odd classes would be loaded for
    // nothing, which a Lambda cold start and an edge process's memory both pay.
    this.meter = metrics ? openTelemetry.getMeter(SCOPE) : null;
    this.commandCalls = counter(MetricNames.COMMAND_CALLS, "Commands run, by outcome");
    this.commandErrors = counter(MetricNames.COMMAND_ERRORS, "Commands that ended in an error, by status code");
    this.commandDuration = histogram(MetricNames.COMMAND_DURATION, "How long a command took");
    this.subscriptionCalls = counter(MetricNames.SUBSCRIPTION_CALLS, "Events a subscription handled, by outcome");
    this.subscriptionErrors = counter(MetricNames.SUBSCRIPTION_ERRORS, "Events a subscription failed on");
    this.subscriptionDuration = histogram(MetricNames.SUBSCRIPTION_DURATION, "How long a subscription took");
    this.queueJobs = counter(MetricNames.QUEUE_JOBS, "Queue jobs run, by outcome");
    this.queueJobDuration = histogram(MetricNames.QUEUE_JOB_DURATION, "How long a queue job's handler took");
  }

  static Telemetry of(OpenTelemetry openTelemetry) {
    return new Telemetry(openTelemetry);
  }

  private LongCounter counter(String name, String description) {
    if (meter == null) {
      return null;
    }
    return meter.counterBuilder(name).setDescription(description).setUnit("{call}").build();
  }

  private DoubleHistogram histogram(String name, String description) {
    if (meter == null) {
      return null;
    }
    return meter.histogramBuilder(name).setDescription(description).setUnit("s").build();
  }

  boolean tracing() {
    return tracing;
  }

  boolean metrics() {
    return metrics;
  }

  Tracer tracer() {
    return tracer;
  }

  /** The meter, {@code null} when {@link #metrics()} is off. */
  Meter meter() {
    return meter;
  }

  FunctionMetrics commands(String service, String version, String command) {
    return new FunctionMetrics(this, commandCalls, commandErrors, commandDuration, service, version, command);
  }

  FunctionMetrics subscriptions(String service, String version, String subscription) {
    return new FunctionMetrics(this, subscriptionCalls, subscriptionErrors, subscriptionDuration, service, version,
        subscription);
  }

  FunctionMetrics queueJobs(String service, String version, String worker) {
    return new FunctionMetrics(this, queueJobs, null, queueJobDuration, service, version, worker);
  }
}
