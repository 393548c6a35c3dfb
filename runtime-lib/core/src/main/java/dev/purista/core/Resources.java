package dev.purista.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Named objects the bootstrap hands to a service instance (connection pools, HTTP clients), so handlers get
 * them without globals. Immutable.
 */
public final class Resources {
  private static final Resources NONE = new Resources(Map.of());

  private final Map<String, Object> byName;

  private Resources(Map<String, Object> byName) {
    this.byName = byName;
  }

  public static Resources none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The resource {@code name}; fails with a message naming it when the bootstrap did not provide it. */
  public <T> T get(String name, Class<T> type) {
    return find(name, type).orElseThrow(() -> new IllegalStateException(
        "Resource '" + name + "' is not provided; pass it with ServiceOptions.resources(...) in the bootstrap"));
  }

  public <T> Optional<T> find(String name, Class<T> type) {
    Object value = byName.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("Resource '" + name + "' is a " + value.getClass().getName() + ", not a "
          + type.getName());
    }
    return Optional.of(type.cast(value));
  }

  public Map<String, Object> asMap() {
    return byName;
  }

  /** Builder of {@link Resources}. */
  public static final class Builder {
    private final Map<String, Object> byName = new LinkedHashMap<>();

    private Builder() {
    }

    public Builder add(String name, Object resource) {
      if (name == null || resource == null) {
        throw new NullPointerException("name == null || resource == null");
      }
      byName.put(name, resource);
      return this;
    }

    public Resources build() {
      return new Resources(Collections.unmodifiableMap(new LinkedHashMap<>(byName)));
    }
  }
}
