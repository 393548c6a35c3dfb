package dev.purista.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.PredefinedScopeHibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.metadata.BeanMetaDataClassNormalizer;

/**
 * Builds Hibernate Validator's validators, both configured alike: messages without Jakarta EL, and no search for
 * {@code META-INF/validation.xml}'s parser when there is no such file. Each is built from its provider class
 * directly, not through {@code Validation.byDefaultProvider()}, which looks providers up with the service loader
 * first; this module is Hibernate Validator's binding, so the provider is known.
 */
final class ValidatorFactories {
  /** Where Bean Validation looks for its XML configuration, and from where (Hibernate Validator's search order). */
  private static final String VALIDATION_XML = "META-INF/validation.xml";

  private ValidatorFactories() {
  }

  /** A validator for any type: reads each type's constraints at its first validation. */
  static Validator general() {
    // The factory stays open for the life of the process: closing it would invalidate the validator.
    return configured(Validation.byProvider(HibernateValidator.class).configure()).buildValidatorFactory()
        .getValidator();
  }

  /**
   * A validator that reads the constraints of {@code types} (and of their superclasses) now, and treats any other
   * type as unconstrained; {@code boundary} sees each type whose metadata it looks up, so that a caller can find
   * out when a value is not of these types.
   */
  static Validator scoped(Set<Class<?>> types, BeanMetaDataClassNormalizer boundary) {
    return configured(Validation.byProvider(PredefinedScopeHibernateValidator.class).configure())
        // No built-in constraint named up front, and "include what only XML defines" on: Hibernate Validator then
        // resolves each built-in constraint when a type first uses it, so only the constraint validators in use
        // are loaded (naming all of them loads some two hundred classes; naming a subset would reject the rest).
        .builtinConstraints(Set.of())
        .includeBeansAndConstraintsDefinedOnlyInXml(true)
        .initializeBeanMetaData(types)
        .beanMetaDataClassNormalizer(boundary)
        .buildValidatorFactory()
        .getValidator();
  }

  private static <C extends BaseHibernateValidatorConfiguration<C>> C configured(C configuration) {
    configuration.messageInterpolator(new ParameterMessageInterpolator());
    if (!hasValidationXml()) {
      // The same outcome as reading no file, without loading the XML parser's classes to find that out.
      configuration.ignoreXmlConfiguration();
    }
    return configuration;
  }

  /** Whether Hibernate Validator would find {@code META-INF/validation.xml}: on the context class loader or its own. */
  private static boolean hasValidationXml() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context.getResource(VALIDATION_XML) != null) {
      return true;
    }
    return HibernateValidator.class.getClassLoader().getResource(VALIDATION_XML) != null;
  }
}
