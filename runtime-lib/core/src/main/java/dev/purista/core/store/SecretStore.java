package dev.purista.core.store;

import java.util.Optional;

/**
 * Credentials and keys. Values come back wrapped in {@link Secret}, whose {@code toString()} hides them, so that
 * a secret passed to a logger or an error message does not leak.
 */
public interface SecretStore extends Store {

  Optional<Secret> get(String name);

  void set(String name, String value);

  void remove(String name);
}
