package dev.purista.validation;

import jakarta.validation.Validator;
import java.util.function.Supplier;

/**
 * A {@link Validator} built the first time it is asked for, then kept for the life of the process (its factory stays
 * open: closing it would invalidate the validator). Shared by a discovered validator and every validator it makes
 * for services, so that the general validator is built at most once.
 */
final class LazyValidator implements Supplier<Validator> {
  private final Supplier<Validator> build;
  private volatile Validator built;

  LazyValidator(Supplier<Validator> build) {
    this.build = build;
  }

  @Override
  public Validator get() {
    Validator current = built;
    if (current == null) {
      synchronized (this) {
        current = built;
        if (current == null) {
          current = build.get();
          built = current;
        }
      }
    }
    return current;
  }
}
