package dev.purista.validation;

import dev.purista.core.spi.PayloadValidator.Violation;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Bean Validation's violations as purista's: the property path as text, and the interpolated message. */
final class Violations {
  private Violations() {
  }

  static List<Violation> of(Set<ConstraintViolation<Object>> violations) {
    if (violations.isEmpty()) {
      return List.of();
    }
    List<Violation> result = new ArrayList<>(violations.size());
    for (ConstraintViolation<Object> violation : violations) {
      result.add(new Violation(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    return result;
  }
}
