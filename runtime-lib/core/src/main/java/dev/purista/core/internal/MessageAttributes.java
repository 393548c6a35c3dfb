package dev.purista.core.internal;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.trace.SpanBuilder;

/** Sets the original's span tags that a message carries: sender, principal, tenant, event and trace id. */
final class MessageAttributes {
  private MessageAttributes() {
  }

  static void set(SpanBuilder builder, Message message) {
    MessageAddress sender = message.sender();
    if (sender != null) {
      builder.setAttribute(SpanAttributes.SENDER_NAME, sender.serviceName())
          .setAttribute(SpanAttributes.SENDER_VERSION, sender.serviceVersion())
          .setAttribute(SpanAttributes.SENDER_TARGET, sender.serviceTarget());
    }
    setIfPresent(builder, SpanAttributes.PRINCIPAL_ID, message.principalId());
    setIfPresent(builder, SpanAttributes.TENANT_ID, message.tenantId());
    setIfPresent(builder, SpanAttributes.EVENT_NAME, message.eventName());
    setIfPresent(builder, SpanAttributes.MESSAGE_TRACE_ID, message.traceId());
  }

  private static void setIfPresent(SpanBuilder builder, String key, String value) {
    if (value != null) {
      builder.setAttribute(key, value);
    }
  }
}
