package dev.purista.validation;

import dev.purista.core.spi.PayloadValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation for purista payloads, found by {@link java.util.ServiceLoader}. Messages are
 * interpolated without Jakarta EL ({@link ParameterMessageInterpolator}), so no expression-language
 * implementation is needed on the classpath and no user input is ever evaluated as an expression.
 */
public final class BeanValidationPayloadValidator implements PayloadValidator {
  private final Validator validator;

  public BeanValidationPayloadValidator() {
    // The factory stays open for the life of the process: closing it would invalidate the validator.
    ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  public BeanValidationPayloadValidator(Validator validator) {
    this.validator = validator;
  }

  @Override
  public List<Violation> validate(Object value) {
    if (value == null) {
      return List.of();
    }
    var violations = validator.validate(value);
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
