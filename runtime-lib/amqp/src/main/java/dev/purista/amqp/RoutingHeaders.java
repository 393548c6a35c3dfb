package dev.purista.amqp;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.telemetry.Otp;
import java.util.HashMap;
import java.util.Map;

/**
 * The AMQP headers that route a message on the headers exchange, and the binding arguments that select them.
 * The names are PURISTA's, so that a binding made by a TypeScript service matches a message sent from Java and
 * the other way round. A field that is not set is left out: on a binding that makes it a wildcard.
 */
final class RoutingHeaders {
  static final String MESSAGE_TYPE = "messageType";
  static final String SENDER_SERVICE_NAME = "senderServiceName";
  static final String SENDER_SERVICE_VERSION = "senderServiceVersion";
  static final String SENDER_SERVICE_TARGET = "senderServiceTarget";
  static final String SENDER_INSTANCE_ID = "senderInstanceId";
  static final String RECEIVER_SERVICE_NAME = "receiverServiceName";
  static final String RECEIVER_SERVICE_VERSION = "receiverServiceVersion";
  static final String RECEIVER_SERVICE_TARGET = "receiverServiceTarget";
  static final String RECEIVER_INSTANCE_ID = "receiverInstanceId";
  static final String EVENT_NAME = "eventName";
  static final String PRINCIPAL_ID = "principalId";
  static final String TENANT_ID = "tenantId";
  /** On a command response: the reply queue of the caller, which is bound on this header. */
  static final String REPLY_TO = "replyTo";
  /**
   * On a command response: the caller's instance, under the name PURISTA TypeScript gives it on responses. We
   * send {@link #RECEIVER_INSTANCE_ID} too, because a subscription's binding may filter on that one.
   */
  static final String RECEIVER_SERVICE_INSTANCE_ID = "receiverServiceInstanceId";

  /** Not routing headers: how often a durable message was retried, and why it was dead-lettered. */
  static final String RETRIES = "x-purista-retries";
  static final String DEAD_LETTER_REASON = "x-purista-dead-letter-reason";
  static final String DEAD_LETTER_QUEUE = "x-purista-dead-letter-queue";

  private static final String X_MATCH = "x-match";

  private RoutingHeaders() {
  }

  /** The routing headers of {@code message}. */
  static Map<String, Object> of(Message message) {
    Map<String, Object> headers = new HashMap<>(16);
    headers.put(MESSAGE_TYPE, message.messageType().wireName());
    putAddress(headers, message.sender(), SENDER_SERVICE_NAME, SENDER_SERVICE_VERSION, SENDER_SERVICE_TARGET,
        SENDER_INSTANCE_ID);
    putAddress(headers, message.receiver(), RECEIVER_SERVICE_NAME, RECEIVER_SERVICE_VERSION,
        RECEIVER_SERVICE_TARGET, RECEIVER_INSTANCE_ID);
    putIfSet(headers, EVENT_NAME, message.eventName());
    putIfSet(headers, PRINCIPAL_ID, message.principalId());
    putIfSet(headers, TENANT_ID, message.tenantId());
    putTraceContext(headers, message.otp());
    return headers;
  }

  /**
   * {@code traceparent} and {@code tracestate} from the envelope's {@code otp}, as the original sends them: its
   * consumers read the trace context from these headers before the body.
   */
  private static void putTraceContext(Map<String, Object> headers, String otp) {
    if (otp == null) {
      return;
    }
    putIfSet(headers, Otp.TRACEPARENT, Otp.traceparent(otp));
    putIfSet(headers, Otp.TRACESTATE, Otp.tracestate(otp));
  }

  /**
   * The headers of a command response, as PURISTA TypeScript sends them on every response: the routing headers,
   * the caller's instance and the caller's reply queue. TypeScript callers read a response's headers before its
   * body (for trace context), and one without a headers table is logged there as an error.
   */
  static Map<String, Object> ofResponse(Message response, String replyQueue) {
    Map<String, Object> headers = of(response);
    if (response.receiver() != null) {
      putIfSet(headers, RECEIVER_SERVICE_INSTANCE_ID, response.receiver().instanceId());
    }
    putIfSet(headers, REPLY_TO, replyQueue);
    return headers;
  }

  /** The binding of a command queue: commands addressed to that command, PURISTA's binding. */
  static Map<String, Object> commandBinding(MessageAddress command) {
    Map<String, Object> binding = new HashMap<>();
    binding.put(X_MATCH, "all");
    binding.put(MESSAGE_TYPE, MessageType.COMMAND.wireName());
    binding.put(RECEIVER_SERVICE_NAME, command.serviceName());
    binding.put(RECEIVER_SERVICE_VERSION, command.serviceVersion());
    binding.put(RECEIVER_SERVICE_TARGET, command.serviceTarget());
    return binding;
  }

  /** The binding of a reply queue: responses whose {@code replyTo} header names it. */
  static Map<String, Object> replyBinding(String replyQueue) {
    Map<String, Object> binding = new HashMap<>();
    binding.put(X_MATCH, "all");
    binding.put(REPLY_TO, replyQueue);
    return binding;
  }

  /**
   * The binding of a subscription queue: every filter field that is set. The broker cannot express "any message
   * that has an event name", so the consumer checks {@link SubscriptionFilter#matches} again after routing.
   */
  static Map<String, Object> subscriptionBinding(SubscriptionFilter filter) {
    Map<String, Object> binding = new HashMap<>();
    binding.put(X_MATCH, "all");
    if (filter.messageType() != null) {
      binding.put(MESSAGE_TYPE, filter.messageType().wireName());
    }
    putIfSet(binding, EVENT_NAME, filter.eventName());
    putIfSet(binding, SENDER_SERVICE_NAME, filter.senderServiceName());
    putIfSet(binding, SENDER_SERVICE_VERSION, filter.senderServiceVersion());
    putIfSet(binding, SENDER_SERVICE_TARGET, filter.senderServiceTarget());
    putIfSet(binding, SENDER_INSTANCE_ID, filter.senderInstanceId());
    putIfSet(binding, RECEIVER_SERVICE_NAME, filter.receiverServiceName());
    putIfSet(binding, RECEIVER_SERVICE_VERSION, filter.receiverServiceVersion());
    putIfSet(binding, RECEIVER_SERVICE_TARGET, filter.receiverServiceTarget());
    putIfSet(binding, RECEIVER_INSTANCE_ID, filter.receiverInstanceId());
    putIfSet(binding, PRINCIPAL_ID, filter.principalId());
    putIfSet(binding, TENANT_ID, filter.tenantId());
    return binding;
  }

  /** The receiver named by a message's headers, for errors about a message whose body was not read. */
  static MessageAddress receiver(Map<String, Object> headers) {
    return MessageAddress.of(text(headers, RECEIVER_SERVICE_NAME), text(headers, RECEIVER_SERVICE_VERSION),
        text(headers, RECEIVER_SERVICE_TARGET));
  }

  /** How often a message was retried; 0 when it carries no or an unreadable count. */
  static int retries(Map<String, Object> headers) {
    Object value = headers == null ? null : headers.get(RETRIES);
    return value instanceof Number number ? number.intValue() : 0;
  }

  static String text(Map<String, Object> headers, String name) {
    Object value = headers == null ? null : headers.get(name);
    // The client hands header strings over as LongString; toString() decodes them as UTF-8.
    return value == null ? null : value.toString();
  }

  private static void putAddress(Map<String, Object> headers, MessageAddress address, String name, String version,
      String target, String instance) {
    if (address == null) {
      return;
    }
    putIfSet(headers, name, address.serviceName());
    putIfSet(headers, version, address.serviceVersion());
    putIfSet(headers, target, address.serviceTarget());
    putIfSet(headers, instance, address.instanceId());
  }

  private static void putIfSet(Map<String, Object> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }
}
