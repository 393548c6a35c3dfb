/**
 * purista-opentelemetry: installs the OpenTelemetry SDK with OTLP export from the standard {@code OTEL_*}
 * environment variables, so that a bootstrap turns tracing and metrics on with one line.
 */
// OpenTelemetry's jars are automatic modules (named in their manifests).
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.purista.opentelemetry {
  requires transitive dev.purista.core;
  requires io.opentelemetry.sdk;
  requires io.opentelemetry.sdk.common;
  requires io.opentelemetry.sdk.metrics;
  requires io.opentelemetry.sdk.trace;
  requires io.opentelemetry.sdk.autoconfigure;

  exports dev.purista.opentelemetry;
}
