package dev.purista.benchmarks.lambda.function;

import dev.purista.lambda.LambdaFunction;
import dev.purista.lambda.PuristaLambdaHandler;
import dev.purista.opentelemetry.OpenTelemetrySetup;

/**
 * The handler as the CLI writes a project's {@code LambdaHandler}, with one service: the services on the
 * in-memory bridge, started during initialisation; OpenTelemetry from the environment (off here, as no OTEL_*
 * variable is set), flushed after each invocation; stores and queues from the environment (in memory here).
 */
public final class GreetingFunction extends PuristaLambdaHandler {
  public GreetingFunction() {
    super(LambdaFunction.builder()
        .openTelemetry(OpenTelemetrySetup.install())
        .afterInvocation(OpenTelemetrySetup::flush)
        .storesAndQueuesFromEnvironment()
        .service(GreetingService.DEFINITION));
  }
}
