package dev.purista.core.telemetry;

/**
 * The names of the spans purista starts. The first four and the store spans are the original PURISTA's
 * ({@code PuristaSpanName}), so that a trace that crosses Java and TypeScript services reads the same on both
 * sides; the others name what the original has no span for.
 */
public final class SpanNames {
  /** A handler invokes a command (client). */
  public static final String COMMAND_INVOKE = "purista.command.invoke";
  /** A service runs a command it received (server): the whole pipeline, guards and handler included. */
  public static final String COMMAND_RECEIVED = "purista.command.received";
  /** A subscription handles an event (consumer). */
  public static final String SUBSCRIPTION_EVENT_RECEIVED = "purista.subscription.eventReceived";
  /** A handler emits an event (producer). */
  public static final String EMIT_MESSAGE = "purista.emit.MessageToBridge";
  /** A queue worker runs one job (consumer). */
  public static final String QUEUE_JOB = "purista.queue.job";
  /** A handler reads, writes or removes a state value (the original's names, like every store span). */
  public static final String STATE_STORE_GET = "purista.stateStore.getValue";
  public static final String STATE_STORE_SET = "purista.stateStore.setValue";
  public static final String STATE_STORE_REMOVE = "purista.stateStore.removeValue";
  /** A handler reads, writes or removes a config value. */
  public static final String CONFIG_STORE_GET = "purista.configStore.getValue";
  public static final String CONFIG_STORE_SET = "purista.configStore.setValue";
  public static final String CONFIG_STORE_REMOVE = "purista.configStore.removeValue";
  /** A handler reads, writes or removes a secret; its value is never recorded. */
  public static final String SECRET_STORE_GET = "purista.secretStore.getValue";
  public static final String SECRET_STORE_SET = "purista.secretStore.setValue";
  public static final String SECRET_STORE_REMOVE = "purista.secretStore.removeValue";
  /** One AWS Lambda invocation (server); an API Gateway event's HTTP span is its child. */
  public static final String LAMBDA_INVOCATION = "purista.lambda.invocation";

  private SpanNames() {
  }

  /** An HTTP request's span, named as the OpenTelemetry HTTP conventions ask: method and route template. */
  public static String httpRequest(String method, String route) {
    return route == null ? method : method + " " + route;
  }
}
