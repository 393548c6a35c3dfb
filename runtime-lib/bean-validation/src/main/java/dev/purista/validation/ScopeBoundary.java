package dev.purista.validation;

import java.util.HashSet;
import java.util.Set;
import org.hibernate.validator.metadata.BeanMetaDataClassNormalizer;

/**
 * Stops a scoped validation at the first type whose constraints the scoped validator has not read. Hibernate
 * Validator asks the {@link BeanMetaDataClassNormalizer} for every class whose metadata it looks up: the value's
 * own class, each class of its hierarchy, and the class of each cascaded value ({@code @Valid}). A predefined-scope
 * validator would treat a class outside its scope as unconstrained; this boundary throws
 * {@link OutsideScope} instead, so that the caller can validate the value with the general validator.
 */
final class ScopeBoundary implements BeanMetaDataClassNormalizer {
  private final Set<Class<?>> known;

  /** A boundary around {@code types} and their superclasses, whose metadata a scoped validator reads too. */
  ScopeBoundary(Set<Class<?>> types) {
    Set<Class<?>> withSuperclasses = new HashSet<>();
    for (Class<?> type : types) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        withSuperclasses.add(c);
      }
    }
    this.known = Set.copyOf(withSuperclasses);
  }

  @Override
  public <T> Class<? super T> normalize(Class<T> beanClass) {
    if (!known.contains(beanClass)) {
      throw OutsideScope.INSTANCE;
    }
    return beanClass;
  }

  /** A value reached a type outside the scope. One shared instance without a stack trace: it is control flow. */
  static final class OutsideScope extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final OutsideScope INSTANCE = new OutsideScope();

    private OutsideScope() {
      super("outside the validator's predefined scope", null, false, false);
    }
  }
}
