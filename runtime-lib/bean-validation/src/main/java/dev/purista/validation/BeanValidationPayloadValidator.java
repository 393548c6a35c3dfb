package dev.purista.validation;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import jakarta.validation.Validator;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Bean Validation (Hibernate Validator) for purista payloads, found by {@link java.util.ServiceLoader}.
 * Messages are interpolated without Jakarta EL (Hibernate Validator's {@code ParameterMessageInterpolator}), so no
 * expression-language implementation is needed on the classpath and no user input is ever evaluated as an
 * expression.
 *
 * <p>Made by the service loader, it builds nothing: the runtime asks it for a validator ready for the services'
 * declared types ({@link #forServices}, once per application), which reads only those types' constraints and
 * loads only the constraint validators they use ({@link ScopedValidator}). A general validator, able to validate
 * any type, is built the first time a value outside those types needs one, or when this validator is used
 * directly.
 */
public final class BeanValidationPayloadValidator implements PayloadValidator {
  private static final Logger LOG = LoggerFactory.getLogger(BeanValidationPayloadValidator.class);
  private final Supplier<Validator> general;
  /** Whether {@link #forServices} may build validators of its own: not when the caller gave the validator. */
  private final boolean scopable;

  public BeanValidationPayloadValidator() {
    this(new LazyValidator(ValidatorFactories::general), true);
  }

  /** Validates with {@code validator} as given, for every service. */
  public BeanValidationPayloadValidator(Validator validator) {
    this(() -> validator, false);
    Objects.requireNonNull(validator, "validator == null");
  }

  /** Scoped for services, with {@code general} as the general validator, such as a test's counting one. */
  BeanValidationPayloadValidator(Supplier<Validator> general) {
    this(general, true);
  }

  private BeanValidationPayloadValidator(Supplier<Validator> general, boolean scopable) {
    this.general = general;
    this.scopable = scopable;
  }

  @Override
  public List<Violation> validate(Object value) {
    if (value == null) {
      return List.of();
    }
    return Violations.of(general.get().validate(value));
  }

  /**
   * A validator that has read the constraints of every type {@code services} declare and of the types those
   * reach through their fields, record components and getters; a value of any other type, at the top or nested,
   * is validated by the general validator instead, so that what is validated does not change. This validator
   * itself when it was given a {@link Validator}, when the services declare no type of their own, or when reading
   * their constraints up front fails.
   *
   * <p>When some declared type's values will go to the general validator anyway (a JDK type such as a map or a
   * text, a JSON tree, an interface or an abstract class, whose values are of classes outside the scope), the
   * general validator is built now, at start, as it was before validators had a scope, so that the first such
   * value does not wait for it.
   */
  @Override
  public PayloadValidator forServices(Collection<ServiceDefinition> services) {
    if (!scopable) {
      return this;
    }
    Set<Class<?>> declared = DeclaredTypes.of(services);
    Set<Class<?>> types = ReachableTypes.from(declared);
    if (declared.stream().anyMatch(type -> !types.contains(type) || Modifier.isAbstract(type.getModifiers()))) {
      general.get();
    }
    if (types.isEmpty()) {
      return this;
    }
    try {
      return new ScopedValidator(types, general);
    } catch (RuntimeException e) {
      // Reading every reachable type's constraints up front can fail where validating would not (a group sequence
      // Hibernate Validator refuses, in a class no value ever cascades into); the general validator then reports
      // such errors, if at all, when a value needs them, as it always did.
      LOG.debug("no scoped validator for {} types ({}); validating with the general validator", types.size(),
          e.toString());
      general.get();
      return this;
    }
  }
}
