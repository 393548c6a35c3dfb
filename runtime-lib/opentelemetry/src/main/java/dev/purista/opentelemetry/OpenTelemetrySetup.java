package dev.purista.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the OpenTelemetry SDK on when the environment asks for it, in one line at the top of a bootstrap's
 * {@code main}, before the application is built:
 *
 * <pre>{@code
 * Application.builder(EnvironmentBridges.fromEnvironment().eventBridge("amqp"))
 *     .openTelemetry(OpenTelemetrySetup.install())
 *     ...
 * }</pre>
 *
 * <p>The SDK starts when {@code OTEL_SERVICE_NAME} names the service and an exporter is asked for: an OTLP
 * endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) or
 * {@code OTEL_TRACES_EXPORTER=otlp}. Everything else comes from the SDK's own autoconfiguration and its standard
 * variables (sampler, batch delays, headers, resource attributes), with two defaults of this module: OTLP over
 * HTTP/protobuf (the JDK's HTTP client sends it; gRPC is not bundled) and no log export. The SDK is installed as
 * the global instance and flushed by a shutdown hook when the process ends.
 *
 * <p>Otherwise it stays off and {@link #install()} returns {@link OpenTelemetry#noop()}: the runtime then records
 * nothing and costs nothing. {@code OTEL_SDK_DISABLED=true} keeps it off whatever else is set.
 */
public final class OpenTelemetrySetup {
  private static final Logger LOG = LoggerFactory.getLogger(OpenTelemetrySetup.class);

  /** How long {@link #flush()} waits for the exporters. */
  private static final long FLUSH_SECONDS = 5;

  /** The SDK {@link #install} started, for {@link #flush()}; {@code null} while it stays off. */
  private static volatile OpenTelemetrySdk installed;

  private OpenTelemetrySetup() {
  }

  /**
   * Sends what the installed SDK has buffered, waiting up to five seconds; nothing when it is off. A Lambda
   * function calls it after each invocation ({@code LambdaFunction.Builder.afterInvocation}): between
   * invocations its execution environment is frozen, so the exporters' background threads would not run until the
   * next event, or never.
   */
  public static void flush() {
    OpenTelemetrySdk sdk = installed;
    if (sdk == null) {
      return;
    }
    CompletableResultCode traces = sdk.getSdkTracerProvider().forceFlush();
    CompletableResultCode metrics = sdk.getSdkMeterProvider().forceFlush();
    CompletableResultCode.ofAll(List.of(traces, metrics)).join(FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  /** Installs the SDK if the process environment asks for it; returns it, or the no-op instance. */
  public static OpenTelemetry install() {
    return install(System.getenv());
  }

  /**
   * Installs the SDK if {@code environment} asks for it; returns it, or the no-op instance.
   *
   * @throws IllegalStateException when another SDK was installed as the global instance already
   */
  public static OpenTelemetry install(Map<String, String> environment) {
    if (!wanted(environment)) {
      return OpenTelemetry.noop();
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.exporter.otlp.protocol", "http/protobuf");
    properties.put("otel.logs.exporter", "none");
    environment.forEach((name, value) -> {
      if (name.startsWith("OTEL_")) {
        properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .setResultAsGlobal()
        .build()
        .getOpenTelemetrySdk();
    installed = sdk;
    LOG.info("OpenTelemetry SDK on for service {}: traces and metrics go to {}", environment.get("OTEL_SERVICE_NAME"),
        endpoint(environment));
    return sdk;
  }

  /** Whether {@code environment} asks for the SDK: a service name and an OTLP exporter, and not disabled. */
  public static boolean wanted(Map<String, String> environment) {
    if ("true".equalsIgnoreCase(environment.getOrDefault("OTEL_SDK_DISABLED", "").trim())) {
      return false;
    }
    boolean exporter = isSet(environment, "OTEL_EXPORTER_OTLP_ENDPOINT")
        || isSet(environment, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        || "otlp".equalsIgnoreCase(environment.getOrDefault("OTEL_TRACES_EXPORTER", "").trim());
    if (!exporter) {
      return false;
    }
    if (!isSet(environment, "OTEL_SERVICE_NAME")) {
      LOG.warn("OpenTelemetry stays off: an OTLP exporter is configured but OTEL_SERVICE_NAME does not name the "
          + "service; set it to turn tracing on");
      return false;
    }
    return true;
  }

  private static String endpoint(Map<String, String> environment) {
    String traces = environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    if (traces != null && !traces.isBlank()) {
      return traces;
    }
    return environment.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
  }

  private static boolean isSet(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value != null && !value.isBlank();
  }
}
