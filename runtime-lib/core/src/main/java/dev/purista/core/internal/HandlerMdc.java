package dev.purista.core.internal;

import dev.purista.core.message.Message;
import org.slf4j.MDC;

/** Puts the handler's identity and the message's trace into the MDC for the duration of one call. */
final class HandlerMdc {
  private final String functionKey;

  private HandlerMdc(String functionKey) {
    this.functionKey = functionKey;
  }

  static HandlerMdc open(String service, String functionKey, String functionName, Message message) {
    MDC.put("service", service);
    MDC.put(functionKey, functionName);
    putIfSet("traceId", message.traceId());
    putIfSet("correlationId", message.correlationId());
    return new HandlerMdc(functionKey);
  }

  private static void putIfSet(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    } else {
      MDC.remove(key);
    }
  }

  void close() {
    MDC.remove("service");
    MDC.remove(functionKey);
    MDC.remove("traceId");
    MDC.remove("correlationId");
  }
}
