package dev.purista.core.store.memory;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Process-local secrets, for tests and local runs. Production deployments plug in a real secret store. */
public final class InMemorySecretStore implements SecretStore {
  private final Map<String, String> values = new ConcurrentHashMap<>();

  public InMemorySecretStore() {
  }

  public InMemorySecretStore(Map<String, String> initial) {
    values.putAll(initial);
  }

  @Override
  public String name() {
    return "in-memory-secrets";
  }

  @Override
  public Optional<Secret> get(String name) {
    String value = values.get(name);
    return value == null ? Optional.empty() : Optional.of(new Secret(name, value));
  }

  @Override
  public void set(String name, String value) {
    values.put(name, value);
  }

  @Override
  public void remove(String name) {
    values.remove(name);
  }

  @Override
  public String toString() {
    return "InMemorySecretStore" + values.keySet();
  }
}
