package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets each command's records ready before the first event, on an initialisation thread: binds an empty JSON
 * object to its payload and parameter types and validates what comes out (so the validator reads their
 * constraints once, and loads what validating takes), and looks up the writer of its result type. It also reads
 * and writes one event-shaped JSON tree, as every invocation does. Nothing is invoked; a type that cannot be
 * bound from an empty object (a record whose constructor refuses nulls) is skipped, since its first real request
 * will bind it.
 */
public final class TypePriming {
  private static final Logger LOG = LoggerFactory.getLogger(TypePriming.class);
  private static final String SAMPLE_EVENT = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"headers\":{},"
      + "\"requestContext\":{\"http\":{\"method\":\"GET\"}},\"isBase64Encoded\":false}";

  private TypePriming() {
  }

  /**
   * Primes the types of every command of each service, validating with that service's validator. The binding
   * comes first, and the validators are asked only after it, so that one still being looked up
   * ({@link BackgroundValidator}) does not hold up the binding.
   */
  public static void prime(Map<ServiceDefinition, PayloadValidator> services) {
    ObjectMapper mapper = LambdaJson.mapper();
    try {
      mapper.writeValueAsBytes(mapper.readTree(SAMPLE_EVENT));
    } catch (Exception e) {
      throw new IllegalStateException("a constant JSON text always reads and writes", e);
    }
    Map<Object, PayloadValidator> bound = new IdentityHashMap<>();
    services.forEach((service, validator) -> {
      for (CommandDefinition<?, ?, ?> command : service.commands()) {
        bind(mapper, command.payloadType()).ifPresent(value -> bound.put(value, validator));
        bind(mapper, command.parameterType()).ifPresent(value -> bound.put(value, validator));
        if (command.resultType() != Void.class && command.resultType() != void.class) {
          mapper.writerFor(command.resultType());
        }
      }
    });
    bound.forEach((value, validator) -> {
      try {
        validator.validate(value);
      } catch (RuntimeException e) {
        LOG.debug("validating an empty {} failed ({}); not primed", value.getClass().getName(), e.toString());
      }
    });
  }

  private static Optional<Object> bind(ObjectMapper mapper, Class<?> type) {
    if (type == Void.class || type.isPrimitive() || type == Object.class || type == String.class
        || JsonNode.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type) || type == Boolean.class) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(mapper.readValue("{}", type));
    } catch (Exception e) {
      LOG.debug("{} does not bind from an empty object ({}); not primed", type.getName(), e.toString());
      return Optional.empty();
    }
  }
}
