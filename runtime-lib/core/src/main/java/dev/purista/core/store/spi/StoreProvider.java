package dev.purista.core.store.spi;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import java.util.function.Function;

/**
 * A kind of store that a module brings, found with {@link java.util.ServiceLoader} when the environment asks for
 * it by {@link #name()} ({@code PURISTA_STATE_STORE=redis}). A module provides it in its {@code module-info}
 * ({@code provides}) and in {@code META-INF/services}, so that it is found on the module path and the class path
 * alike; nothing is scanned.
 */
public interface StoreProvider {
  /** The name the environment selects this kind of store by, such as {@code redis}. Lower case. */
  String name();

  /**
   * A new state store, configured from {@code environment} (such as {@code System::getenv}). Connection settings
   * that are wrong fail here with an {@link IllegalArgumentException} that names the variable.
   */
  StateStore stateStore(Function<String, String> environment);

  /** A new config store, configured from {@code environment}; see {@link #stateStore}. */
  ConfigStore configStore(Function<String, String> environment);
}
