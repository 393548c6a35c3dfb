package dev.purista.core.store;

import java.util.Optional;

/**
 * Shared, JSON-serializable state. Services must not share memory, even in a monolith, because the next
 * deployment may put them in different processes; a state store is where state that outlives one call lives.
 */
public interface StateStore extends Store {

  /** The value of {@code key} bound to {@code type}, or empty. */
  <T> Optional<T> get(String key, Class<T> type);

  /** Stores {@code value}, which must be JSON-serializable, replacing any previous value. */
  void set(String key, Object value);

  void remove(String key);

  /** Atomically adds {@code delta} to a numeric value (missing counts as 0) and returns the new value. */
  long increment(String key, long delta);

  default long increment(String key) {
    return increment(key, 1);
  }
}
