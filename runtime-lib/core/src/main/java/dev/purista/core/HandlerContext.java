package dev.purista.core;

import dev.purista.core.message.Message;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import org.slf4j.Logger;

/**
 * What a handler may use besides its input. The logger's MDC carries {@code service}, {@code command} (or
 * {@code subscription}), {@code traceId} and {@code correlationId} while the handler runs, and with an OpenTelemetry
 * SDK on, {@code spanId} and {@code otelTraceId} of the handler's span, which is current on the handler's thread.
 */
public interface HandlerContext extends CommandInvoker, EventEmitter {

  Logger logger();

  /** The message being handled, read-only. */
  Message message();

  default String traceId() {
    return message().traceId();
  }

  default String correlationId() {
    return message().correlationId();
  }

  default String principalId() {
    return message().principalId();
  }

  default String tenantId() {
    return message().tenantId();
  }

  StateStore states();

  ConfigStore configs();

  SecretStore secrets();

  /** Objects the bootstrap handed to the service, such as a {@code DataSource}. */
  Resources resources();

  /** Enqueues jobs, on the queues this service declares. */
  Queues queues();
}
