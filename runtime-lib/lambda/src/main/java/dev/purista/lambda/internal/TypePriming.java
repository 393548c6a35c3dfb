package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets each command's types ready before the first event, on the validator's initialisation thread, beside the
 * main thread's start of the services: validates an empty instance of each payload and parameter type with the
 * service's validator (so that it reads their constraints once and loads what validating takes), then looks up
 * the JSON writer of each result type. The empty instances are made with the type's own constructor (a record's
 * canonical constructor with nulls, zeros and false; a class's no-argument constructor) rather than by Jackson,
 * which the main thread is initialising meanwhile and whose binding {@link RoutePriming} primes. Nothing is
 * invoked; a type that has no such constructor, or whose constructor refuses the empty values, is skipped, since
 * its first request will prime it.
 */
public final class TypePriming {
  private static final Logger LOG = LoggerFactory.getLogger(TypePriming.class);

  private TypePriming() {
  }

  /** Primes the types of every command of each service, validating with that service's validator. */
  public static void prime(Map<ServiceDefinition, PayloadValidator> services) {
    services.forEach((service, validator) -> {
      for (CommandDefinition<?, ?, ?> command : service.commands()) {
        empty(command.payloadType()).ifPresent(value -> validate(validator, value));
        empty(command.parameterType()).ifPresent(value -> validate(validator, value));
      }
    });
    ObjectMapper mapper = LambdaJson.mapper();
    services.keySet().forEach(service -> service.commands().forEach(command -> {
      if (command.resultType() != Void.class && command.resultType() != void.class) {
        mapper.writerFor(command.resultType());
      }
    }));
  }

  private static void validate(PayloadValidator validator, Object value) {
    try {
      validator.validate(value);
    } catch (RuntimeException e) {
      LOG.debug("validating an empty {} failed ({}); not primed", value.getClass().getName(), e.toString());
    }
  }

  /** An instance of {@code type} with empty values, if it is a record or a class with a no-argument constructor. */
  static Optional<Object> empty(Class<?> type) {
    if (type.isPrimitive() || type.isInterface() || type.isArray() || type.getName().startsWith("java.")
        || JsonNode.class.isAssignableFrom(type) || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      return Optional.empty();
    }
    try {
      if (type.isRecord()) {
        Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
        Constructor<?> canonical = type.getDeclaredConstructor(components);
        canonical.setAccessible(true);
        return Optional.of(canonical.newInstance(Arrays.stream(components).map(TypePriming::emptyValue).toArray()));
      }
      Constructor<?> noArguments = type.getDeclaredConstructor();
      noArguments.setAccessible(true);
      return Optional.of(noArguments.newInstance());
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("no empty {} ({}); not primed", type.getName(), e.toString());
      return Optional.empty();
    }
  }

  private static Object emptyValue(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
  }
}
