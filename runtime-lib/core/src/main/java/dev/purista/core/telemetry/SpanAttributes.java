package dev.purista.core.telemetry;

/**
 * The attribute keys purista sets on its spans and metrics. Sender, receiver, principal and tenant are the
 * original PURISTA's tags ({@code PuristaSpanTag}); the rest are this runtime's.
 */
public final class SpanAttributes {
  public static final String SENDER_NAME = "purista.sender.name";
  public static final String SENDER_VERSION = "purista.sender.version";
  public static final String SENDER_TARGET = "purista.sender.target";
  public static final String RECEIVER_NAME = "purista.receiver.name";
  public static final String RECEIVER_VERSION = "purista.receiver.version";
  public static final String RECEIVER_TARGET = "purista.receiver.target";
  public static final String PRINCIPAL_ID = "purista.principalId";
  public static final String TENANT_ID = "purista.tenantId";
  /** The event a span emits or receives. */
  public static final String EVENT_NAME = "purista.eventName";
  /** The envelope's business trace id ({@code traceId}), which the original keeps apart from the span's. */
  public static final String MESSAGE_TRACE_ID = "purista.traceId";
  /** The status code of a handled error; the span status stays unset, as a handled error is an answer. */
  public static final String ERROR_STATUS = "purista.error.status";
  /** The service a metric point belongs to. */
  public static final String SERVICE_NAME = "purista.service.name";
  public static final String SERVICE_VERSION = "purista.service.version";
  /** The command, subscription or queue worker a metric point belongs to. */
  public static final String FUNCTION_NAME = "purista.function.name";
  /** The queue a job or a depth reading belongs to. */
  public static final String QUEUE_NAME = "purista.queue.name";
  /** The store a store span calls ({@code Store.name()}). */
  public static final String STORE_NAME = "purista.store.name";
  /** The key (state, config) or name (secret) a store span reads, writes or removes; never a value. */
  public static final String STORE_KEY = "purista.store.key";
  /** Whether a store read found a value. */
  public static final String STORE_FOUND = "purista.store.found";
  /** How a call ended on metrics: {@code ok}, or the status code of its error. */
  public static final String OUTCOME = "purista.outcome";
  /** The bridge a bridge metric belongs to ({@code amqp}, {@code nats}, {@code mqtt}, {@code memory}). */
  public static final String BRIDGE = "purista.bridge";

  private SpanAttributes() {
  }
}
