package dev.purista.validation;

import dev.purista.core.spi.PayloadValidator;
import dev.purista.validation.ScopeBoundary.OutsideScope;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Validates the types a service declares with Hibernate Validator's predefined-scope validator, which read their
 * constraints when it was built and loaded only the constraint validators they use; any other value goes to the
 * general validator. Which validator a value needs shows only while validating it (a cascaded field may hold a
 * subclass, or a type reached through an interface), so the scoped validator is tried first and its
 * {@link ScopeBoundary} stops it at the first class it does not know; the value is then validated again by the
 * general validator, and values of its class go straight there from then on.
 */
final class ScopedValidator implements PayloadValidator {
  private final Validator scoped;
  private final Supplier<Validator> general;
  /** Classes of top-level values that reached a type outside the scope once: validated generally from then on. */
  private final Set<Class<?>> outside = ConcurrentHashMap.newKeySet();

  ScopedValidator(Set<Class<?>> types, Supplier<Validator> general) {
    this.scoped = ValidatorFactories.scoped(types, new ScopeBoundary(types));
    this.general = general;
  }

  @Override
  public List<Violation> validate(Object value) {
    if (value == null) {
      return List.of();
    }
    Class<?> type = value.getClass();
    if (!outside.contains(type)) {
      try {
        return Violations.of(scoped.validate(value));
      } catch (RuntimeException e) {
        if (!reachedOutside(e)) {
          throw e;
        }
        outside.add(type);
      }
    }
    return Violations.of(general.get().validate(value));
  }

  /** Whether {@code e} is, or wraps, the boundary's signal (Hibernate Validator may wrap what a lookup throws). */
  private static boolean reachedOutside(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutsideScope) {
        return true;
      }
    }
    return false;
  }
}
