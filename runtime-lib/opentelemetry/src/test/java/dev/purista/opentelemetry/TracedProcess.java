package dev.purista.opentelemetry;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.Message;
import dev.purista.testkit.TraceChain;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bootstrap as the CLI generates one, run as a process of its own by {@link OpenTelemetrySetupTest}: it turns
 * the SDK on from the environment, runs the trace chain once and exits; the SDK's shutdown hook flushes.
 */
public final class TracedProcess {
  private TracedProcess() {
  }

  public static void main(String[] args) throws Exception {
    OpenTelemetry openTelemetry = OpenTelemetrySetup.install();
    CompletableFuture<Message> received = new CompletableFuture<>();
    Application application = Application.builder(new DefaultEventBridge()).openTelemetry(openTelemetry)
        .service(TraceChain.front()).service(TraceChain.middle()).service(TraceChain.back(received))
        .build().start();
    application.client("otlpTest").invoke(TraceChain.START, new TraceChain.Note("otlp"), null,
        TraceChain.Note.class);
    received.get(10, TimeUnit.SECONDS);
    application.stop();
  }
}
