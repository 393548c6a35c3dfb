package dev.purista.core.spi;

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

  /** One broken constraint: the property path ({@code email}, {@code address.zip}) and what is wrong. */
  record Violation(String path, String message) {
  }
}
