package dev.purista.core.store.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.store.StateStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Process-local state. Values are kept as JSON trees, so a value that would not survive a real store (Redis,
 * a database) fails here too, and a caller can never mutate the stored value through its own reference.
 */
public final class InMemoryStateStore implements StateStore {
  private final ConcurrentMap<String, JsonNode> values = new ConcurrentHashMap<>();
  private final ObjectMapper mapper;

  public InMemoryStateStore() {
    this(DefaultMapper.MAPPER);
  }

  /** A store that converts values with {@code mapper}, which it keeps to itself. */
  public InMemoryStateStore(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** One mapper for the stores made without one, so that each service's store does not build its own. */
  private static final class DefaultMapper {
    private static final ObjectMapper MAPPER = JsonMappers.standard();
  }

  @Override
  public String name() {
    return "in-memory-state";
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    JsonNode node = values.get(key);
    return node == null ? Optional.empty() : Optional.of(mapper.convertValue(node, type));
  }

  @Override
  public void set(String key, Object value) {
    if (value == null) {
      values.remove(key);
      return;
    }
    values.put(key, mapper.valueToTree(value));
  }

  @Override
  public void remove(String key) {
    values.remove(key);
  }

  @Override
  public long increment(String key, long delta) {
    JsonNode result = values.merge(key, LongNode.valueOf(delta), (old, add) -> {
      if (!old.canConvertToLong()) {
        throw new IllegalStateException("State '" + key + "' is not a number");
      }
      return LongNode.valueOf(old.asLong() + add.asLong());
    });
    return result.asLong();
  }
}
