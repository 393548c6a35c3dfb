package dev.purista.core.spi;

import dev.purista.core.ServiceDefinition;
import java.util.Collection;
import java.util.List;

/**
 * Checks constraints on a bound payload, parameter or result. Jackson binding already checks types; a validator
 * adds constraints such as {@code @NotBlank} or {@code @Email}. Implementations are found with
 * {@link java.util.ServiceLoader} (purista-bean-validation provides Jakarta Bean Validation), or passed in
 * {@code ServiceOptions}.
 */
public interface PayloadValidator {

  /** A validator that accepts everything: what runs when no implementation is on the classpath. */
  PayloadValidator NONE = value -> List.of();

  /** The violations of {@code value}; empty when it is valid. {@code value} may be {@code null}. */
  List<Violation> validate(Object value);

  /**
   * This validator, made ready for the types that {@code services} declare (each command's payload, parameter and
   * result, each subscription's event payload, each queue's job): an implementation may read their constraints
   * now, once, and leave out what none of them needs, instead of preparing for any type at its first call. The
   * runtime calls it on the validator it finds with {@link java.util.ServiceLoader} before the services start: an
   * {@code Application} once with all its services that have no validator of their own (they share the result),
   * a service instance made on its own with its own definition, purista-lambda once with all of a function's
   * services. What it returns must validate a value of any other type exactly as this validator does. The default
   * returns this validator.
   */
  default PayloadValidator forServices(Collection<ServiceDefinition> services) {
    return this;
  }

  /** One broken constraint: the property path ({@code email}, {@code address.zip}) and what is wrong. */
  record Violation(String path, String message) {
  }
}
