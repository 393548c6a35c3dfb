package dev.purista.core.store;

import java.util.Optional;

/** Configuration values a service reads at run time, such as feature flags or limits. */
public interface ConfigStore extends Store {

  Optional<String> get(String key);

  void set(String key, String value);

  void remove(String key);
}
