package dev.purista.core.spi;

import java.util.function.Function;

/**
 * A kind of event bridge that a module brings, found with {@link java.util.ServiceLoader} when the environment
 * asks for it by {@link #name()} ({@code PURISTA_EVENT_BRIDGE=amqp}). A module provides it in its
 * {@code module-info} ({@code provides}) and in {@code META-INF/services}, so that it is found on the module path
 * and the class path alike; nothing is scanned.
 */
public interface EventBridgeProvider {
  /** The name the environment selects this kind of bridge by, such as {@code amqp}. Lower case. */
  String name();

  /**
   * A new, unstarted event bridge, configured from {@code environment} (such as {@code System::getenv}) with the
   * bridge's own variables ({@code PURISTA_AMQP_URL}, ...). Settings that are wrong fail here with an
   * {@link IllegalArgumentException} that names the variable.
   */
  EventBridge eventBridge(Function<String, String> environment);
}
