package dev.purista.core;

import dev.purista.core.internal.RuntimeFactory;
import dev.purista.core.spi.EventBridge;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * Invokes commands and emits events from outside any service: a {@code main}, an HTTP adapter, a test. Inside a
 * handler use the context instead, so that the trace id carries over.
 *
 * <pre>{@code
 * PuristaClient client = PuristaClient.of(bridge, "cli");
 * SignUpResult result = client.invoke(MessageAddress.of("user", "1", "signUp"), payload, null, SignUpResult.class);
 * }</pre>
 */
public interface PuristaClient extends CommandInvoker, EventEmitter {

  /** A client whose messages name {@code callerName} as sender service. */
  static PuristaClient of(EventBridge bridge, String callerName) {
    return RuntimeFactory.client(Checks.checkNotNull(bridge, "bridge"), Checks.checkNotNull(callerName, "callerName"),
        GlobalOpenTelemetry.getOrNoop());
  }

  /**
   * A client whose calls and events are traced with {@code openTelemetry}: children of the span current on the
   * calling thread, such as an HTTP request's.
   */
  static PuristaClient of(EventBridge bridge, String callerName, OpenTelemetry openTelemetry) {
    return RuntimeFactory.client(Checks.checkNotNull(bridge, "bridge"), Checks.checkNotNull(callerName, "callerName"),
        Checks.checkNotNull(openTelemetry, "openTelemetry"));
  }
}
