package dev.purista.nats;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.telemetry.Otp;
import io.nats.client.impl.Headers;

/**
 * The NATS headers PURISTA TypeScript puts on every message it sends (command, response, event): copies of the
 * envelope's routing fields, under the original's names, so that tools and a TypeScript peer can read them without
 * decoding the body. Nothing routes on them; the subject does that. A field the message does not have is left out.
 */
final class EnvelopeHeaders {
  static final String MESSAGE_TYPE = "messageType";
  static final String EVENT_NAME = "eventName";
  static final String PRINCIPAL_ID = "principalId";
  static final String TENANT_ID = "tenantId";

  private EnvelopeHeaders() {
  }

  /** New headers holding the envelope fields of {@code message}. */
  static Headers of(Message message) {
    return addTo(new Headers(), message);
  }

  /** Adds the envelope fields of {@code message} to {@code headers} and returns them. */
  static Headers addTo(Headers headers, Message message) {
    putIfSet(headers, MESSAGE_TYPE, message.messageType().wireName());
    putAddress(headers, "sender", message.sender());
    putAddress(headers, "receiver", message.receiver());
    putIfSet(headers, EVENT_NAME, message.eventName());
    putIfSet(headers, PRINCIPAL_ID, message.principalId());
    putIfSet(headers, TENANT_ID, message.tenantId());
    // The original's NATS bridge injects the trace context into the headers as well as into the envelope.
    if (message.otp() != null) {
      putIfSet(headers, Otp.TRACEPARENT, Otp.traceparent(message.otp()));
      putIfSet(headers, Otp.TRACESTATE, Otp.tracestate(message.otp()));
    }
    return headers;
  }

  private static void putAddress(Headers headers, String side, MessageAddress address) {
    if (address == null) {
      return;
    }
    putIfSet(headers, side + "ServiceName", address.serviceName());
    putIfSet(headers, side + "ServiceVersion", address.serviceVersion());
    putIfSet(headers, side + "ServiceTarget", address.serviceTarget());
    putIfSet(headers, side + "InstanceId", address.instanceId());
  }

  private static void putIfSet(Headers headers, String name, String value) {
    // A NATS header value may not hold a line break; envelope fields never do, but a foreign one might.
    if (value != null && !value.isEmpty() && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      headers.put(name, value);
    }
  }
}
