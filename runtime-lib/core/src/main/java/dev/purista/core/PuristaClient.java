package dev.purista.core;

import dev.purista.core.internal.BridgeInvoker;
import dev.purista.core.internal.PayloadBinder;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;

/**
 * Invokes commands and emits events from outside any service: a {@code main}, an HTTP adapter, a test. Inside a
 * handler use the context instead, so that the trace id carries over.
 *
 * <pre>{@code
 * PuristaClient client = PuristaClient.of(bridge, "cli");
 * SignUpResult result = client.invoke(MessageAddress.of("user", "1", "signUp"), payload, null, SignUpResult.class);
 * }</pre>
 */
public final class PuristaClient implements CommandInvoker, EventEmitter {
  private final BridgeInvoker invoker;

  private PuristaClient(BridgeInvoker invoker) {
    this.invoker = invoker;
  }

  /** A client whose messages name {@code callerName} as sender service. */
  public static PuristaClient of(EventBridge bridge, String callerName) {
    MessageAddress sender = new MessageAddress(callerName, "1", "client", bridge.instanceId());
    return new PuristaClient(new BridgeInvoker(bridge, sender, null, new PayloadBinder(JsonMappers.shared())));
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType) {
    return invoker.invoke(command, payload, parameter, resultType);
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType,
      Duration timeout) {
    return invoker.invoke(command, payload, parameter, resultType, timeout);
  }

  @Override
  public void emit(String eventName, Object payload) {
    invoker.emit(eventName, payload);
  }
}
