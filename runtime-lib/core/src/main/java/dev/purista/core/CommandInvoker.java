package dev.purista.core;

import dev.purista.core.message.MessageAddress;
import java.time.Duration;

/**
 * Calls a command of another service through the event bridge and waits for its result. Generated typed
 * clients ({@code UserV1Client}) wrap it, so handlers rarely call it directly.
 *
 * <p>It returns the result bound to {@code resultType}, or throws: the receiver's {@link HandledError} as it was
 * thrown, an {@link UnhandledError} (generic 500) when the receiver failed unexpectedly, or a
 * {@link HandledError} whose {@link PuristaError#reason() reason} is {@code TIMEOUT} or {@code NO_HANDLERS}.
 */
public interface CommandInvoker {

  /** Invokes with the bridge's default timeout (30 seconds unless configured). */
  <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType);

  <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType, Duration timeout);
}
