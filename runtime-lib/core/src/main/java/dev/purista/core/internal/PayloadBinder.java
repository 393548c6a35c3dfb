package dev.purista.core.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.spi.PayloadValidator.Violation;
import java.util.List;
import java.util.Map;

/**
 * Binds raw input (the caller's object in process, JSON maps after a broker) to a handler's declared type. A
 * value that already has the type passes through untouched, which keeps the in-process path free of JSON work.
 */
final class PayloadBinder {
  private final ObjectMapper mapper;

  PayloadBinder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Binds {@code raw} to {@code type}, or throws a 400 {@link HandledError} that names the offending field.
   * A missing value binds as an empty object, so that an empty record needs no input and required fields are
   * reported by the validator, with their names.
   *
   * @param part {@code payload} or {@code parameter}, for the error message
   */
  <T> T bindInput(Object raw, Class<T> type, String part) {
    try {
      return bind(raw, type);
    } catch (IllegalArgumentException e) {
      List<Violation> violations = List.of(new Violation(path(part, e), describe(e)));
      throw new HandledError(StatusCode.BAD_REQUEST, "Invalid " + part + ": " + violations.get(0).path() + " "
          + violations.get(0).message(), violations);
    }
  }

  /** Binds a value whose shape we do not control the cause of failure for, such as a response; throws as is. */
  <T> T bind(Object raw, Class<T> type) {
    if (type == Void.class || type == void.class) {
      return null;
    }
    if (raw == null) {
      if (isScalar(type)) {
        return null;
      }
      raw = Map.of();
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    return mapper.convertValue(raw, type);
  }

  private static boolean isScalar(Class<?> type) {
    return type == Object.class || type == String.class || Number.class.isAssignableFrom(type)
        || type == Boolean.class || JsonNode.class.isAssignableFrom(type) || type.isPrimitive();
  }

  private static String path(String part, IllegalArgumentException e) {
    StringBuilder path = new StringBuilder(part);
    if (e.getCause() instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append('.').append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    return path.toString();
  }

  /** Jackson's own message without its location suffix, which would leak class names to the caller. */
  private static String describe(IllegalArgumentException e) {
    String message = e.getCause() instanceof JsonMappingException mapping ? mapping.getOriginalMessage()
        : e.getMessage();
    if (message == null) {
      return "has the wrong type";
    }
    int detail = message.indexOf(" (");
    message = detail > 0 ? message.substring(0, detail) : message;
    return message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "`$1`");
  }
}
