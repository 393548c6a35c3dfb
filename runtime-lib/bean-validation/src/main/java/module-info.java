/**
 * Jakarta Bean Validation for payloads, parameters and results, found by the runtime through the service loader.
 * Hibernate Validator reads the constraints of the application's records reflectively, so a modular application
 * opens the packages that hold them to {@code org.hibernate.validator}.
 */
module dev.purista.validation {
  // Both appear in the API: it is a PayloadValidator and can be made from a jakarta.validation.Validator.
  requires transitive dev.purista.core;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;

  exports dev.purista.validation;

  provides dev.purista.core.spi.PayloadValidator with dev.purista.validation.BeanValidationPayloadValidator;
}
