package dev.purista.core.internal;

import dev.purista.core.HandledError;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.UnhandledError;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.spi.PayloadValidator.Violation;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Applies a {@link PayloadValidator} to inputs (400 on violation) and outputs (500 on violation). */
final class Validation {
  private final PayloadValidator validator;

  Validation(PayloadValidator validator) {
    this.validator = validator;
  }

  /**
   * The first validator that {@link ServiceLoader} finds, or {@link PayloadValidator#NONE}. Looked up once per
   * class loader: building a Bean Validation factory takes long enough to matter when many instances start.
   */
  static PayloadValidator discover() {
    return Discovered.VALIDATOR;
  }

  /** The validator {@link #discover()} finds, made ready for the types {@code services} declare. */
  static PayloadValidator discoverFor(Collection<ServiceDefinition> services) {
    return discover().forServices(services);
  }

  private static final class Discovered {
    private static final PayloadValidator VALIDATOR =
        ServiceLoader.load(PayloadValidator.class).findFirst().orElse(PayloadValidator.NONE);
  }

  void checkInput(Object value, String part) {
    List<Violation> violations = prefixed(validator.validate(value), part);
    if (!violations.isEmpty()) {
      throw new HandledError(StatusCode.BAD_REQUEST, "Invalid " + part + ": " + summary(violations), violations);
    }
  }

  /** A result that breaks its own constraints is our bug, not the caller's: a 500 whose details stay in the log. */
  void checkOutput(Object value) {
    List<Violation> violations = prefixed(validator.validate(value), "result");
    if (!violations.isEmpty()) {
      throw new UnhandledError("output validation failed: " + summary(violations));
    }
  }

  private static List<Violation> prefixed(List<Violation> violations, String part) {
    if (violations.isEmpty()) {
      return violations;
    }
    return violations.stream()
        .map(v -> new Violation(v.path() == null || v.path().isEmpty() ? part : part + "." + v.path(), v.message()))
        .sorted((a, b) -> a.path().compareTo(b.path()))
        .collect(Collectors.toList());
  }

  private static String summary(List<Violation> violations) {
    return violations.stream().map(v -> v.path() + " " + v.message()).collect(Collectors.joining(", "));
  }
}
