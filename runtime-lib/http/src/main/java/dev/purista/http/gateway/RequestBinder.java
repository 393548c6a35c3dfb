package dev.purista.http.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.http.internal.HttpJson;
import dev.purista.core.spi.PayloadValidator.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a request into a command's payload and parameter: the JSON body binds to the payload type, path
 * variables and query parameters to the parameter type (text converts to numbers and booleans; a repeated query
 * parameter is a list, and a single one binds to a list-typed field as a list of one). Binding here, before the command message is sent, answers a malformed request with a 400
 * that names the field, and lets the command's own pipeline receive typed records. Constraints are checked by
 * the command's pipeline, which answers 400 listing each violated field.
 *
 * <p>A command with an input transformer gets the body as a JSON tree instead, since the transformer decides
 * what shape it has.
 */
final class RequestBinder {
  private final ObjectMapper mapper = HttpJson.mapper();
  /** A body is one JSON value: {@code {...}} followed by more text is malformed, not a value and some noise. */
  private final ObjectReader bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** One reader per payload type: making one per request costs an allocation and a deserializer look-up. */
  private final ClassValue<ObjectReader> readers = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return bodyReader.forType(type);
    }
  };

  /**
   * Query text has no arrays: {@code ?tag=x} is one value and {@code ?tag=x&tag=y} a list, so a list-typed
   * parameter must take a single value as a list of one, or a request with one tag would be a 400.
   */
  private final ObjectReader parameterReader = mapper.reader()
      .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  /** The payload, or {@code null} for an empty body. */
  Object payload(CommandDefinition<?, ?, ?> command, HttpRequest request) {
    Class<?> type = command.payloadType();
    if (type == Void.class || request.body().length == 0) {
      return null;
    }
    checkJson(request);
    try {
      if (command.inputTransformer().isPresent()) {
        return bodyReader.readTree(request.body());
      }
      return readers.get(type).readValue(request.body());
    } catch (StreamReadException e) {
      throw badRequest("The body is not valid JSON: " + e.getOriginalMessage(), "payload");
    } catch (DatabindException e) {
      throw bindingError("payload", e);
    } catch (IOException e) {
      throw badRequest("The body could not be read", "payload");
    }
  }

  /** The parameter, from path variables (which win over a query parameter of the same name) and the query. */
  Object parameter(CommandDefinition<?, ?, ?> command, Map<String, String> variables, HttpRequest request) {
    Class<?> type = command.parameterType();
    if (type == Void.class && variables.isEmpty() && request.rawQuery().isEmpty()) {
      return null;
    }
    Map<String, List<String>> query;
    try {
      query = QueryString.parse(request.rawQuery());
    } catch (IllegalArgumentException e) {
      throw badRequest("The query string has a malformed percent escape", "parameter");
    }
    ObjectNode values = mapper.createObjectNode();
    query.forEach((name, list) -> {
      if (list.size() == 1) {
        values.put(name, list.get(0));
      } else {
        ArrayNode array = values.putArray(name);
        list.forEach(array::add);
      }
    });
    variables.forEach(values::put);
    if (type == Void.class) {
      return null;
    }
    if (command.inputTransformer().isPresent() || JsonNode.class.isAssignableFrom(type)) {
      return values;
    }
    try {
      return parameterReader.treeToValue(values, type);
    } catch (DatabindException e) {
      throw bindingError("parameter", e);
    } catch (JsonProcessingException e) {
      throw badRequest("The parameters could not be read", "parameter");
    }
  }

  private static void checkJson(HttpRequest request) {
    String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith(
        "+json"))) {
      throw new HandledError(StatusCode.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json"
          + (mediaType.isEmpty() ? "; the request has no Content-Type" : ", not " + mediaType));
    }
  }

  private static HandledError bindingError(String part, DatabindException e) {
    StringBuilder path = new StringBuilder(part);
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append('.').append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    String message = describe(e.getOriginalMessage());
    return badRequest("Invalid " + part + ": " + path + " " + message, path.toString(), message);
  }

  private static HandledError badRequest(String detail, String path) {
    return badRequest(detail, path, detail);
  }

  private static HandledError badRequest(String detail, String path, String message) {
    return new HandledError(StatusCode.BAD_REQUEST, detail, List.of(new Violation(path, message)));
  }

  /** Jackson's message without its location and with short type names, so no class name reaches a client. */
  private static String describe(String message) {
    if (message == null) {
      return "has the wrong type";
    }
    int detail = message.indexOf(" (");
    String shortened = detail > 0 ? message.substring(0, detail) : message;
    shortened = shortened.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "`$1`");
    return shortened.replaceAll("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.([A-Z][A-Za-z0-9_$]*)", "$2");
  }
}
