package dev.purista.core.store.memory;

import dev.purista.core.store.ConfigStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Process-local configuration, optionally seeded from a map (for example the process environment). */
public final class InMemoryConfigStore implements ConfigStore {
  private final Map<String, String> values = new ConcurrentHashMap<>();

  public InMemoryConfigStore() {
  }

  public InMemoryConfigStore(Map<String, String> initial) {
    values.putAll(initial);
  }

  @Override
  public String name() {
    return "in-memory-config";
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public void set(String key, String value) {
    values.put(key, value);
  }

  @Override
  public void remove(String key) {
    values.remove(key);
  }
}
