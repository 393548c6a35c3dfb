package dev.purista.core.store.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * State values as JSON bytes, for state stores on a server: what goes in must be JSON, what comes out must bind to
 * the type asked for, and every failure names the key and where it is kept, never the value (state may hold
 * personal data).
 */
public final class StateJson {
  private final ObjectMapper mapper;
  private final String where;

  /** Values converted with {@code mapper}; {@code where} names the store in messages, such as "Redis". */
  public StateJson(ObjectMapper mapper, String where) {
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.where = Objects.requireNonNull(where, "where == null");
  }

  /** The JSON of {@code value}; an {@link IllegalArgumentException} when it cannot be written as JSON. */
  public byte[] write(String key, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("state '" + key + "' cannot be stored as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /** {@code json} bound to {@code type}; an {@link IllegalStateException} when it is not such a value. */
  public <T> T read(String key, byte[] json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      // Written by something else than a store, or as another type.
      throw new IllegalStateException("state '" + key + "' in " + where + " is not a " + type.getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code json} as a whole number, for {@code increment}; an {@link IllegalStateException} when it is not one. */
  public long wholeNumber(String key, byte[] json) {
    try {
      JsonNode node = json == null ? null : mapper.readTree(json);
      if (node != null && node.canConvertToExactIntegral() && node.canConvertToLong()) {
        return node.asLong();
      }
    } catch (IOException e) {
      // Not JSON at all: not a number either.
    }
    throw new IllegalStateException("State '" + key + "' is not a whole number");
  }
}
