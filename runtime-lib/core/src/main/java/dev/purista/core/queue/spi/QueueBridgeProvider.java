package dev.purista.core.queue.spi;

import java.util.function.Function;

/**
 * A kind of queue bridge that a module brings, found with {@link java.util.ServiceLoader} when the environment asks
 * for it by {@link #name()} ({@code PURISTA_QUEUE_BRIDGE=redis}). A module provides it in its {@code module-info}
 * ({@code provides}) and in {@code META-INF/services}, so that it is found on the module path and the class path
 * alike; nothing is scanned.
 */
public interface QueueBridgeProvider {
  /** The name the environment selects this kind of bridge by, such as {@code redis}. Lower case. */
  String name();

  /**
   * A new queue bridge, configured from {@code environment} (such as {@code System::getenv}). Connection settings
   * that are wrong fail here with an {@link IllegalArgumentException} that names the variable.
   */
  QueueBridge queueBridge(Function<String, String> environment);
}
