package dev.purista.lambda.internal;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The payload validator that {@link ServiceLoader} finds (Hibernate Validator, when purista-bean-validation is in
 * the function), or {@link PayloadValidator#NONE}: the one a service would look up itself, but looked up on a
 * thread of its own as soon as the function starts, and made ready there for the function's services
 * ({@link PayloadValidator#forServices}): one validator for all of them, which reads their types' constraints up
 * front. Bean Validation's bootstrap loads and initialises a few hundred classes; there it overlaps the start of
 * the services and of Jackson on the main thread instead of adding to it. The services get this object as their
 * validator; the function waits for the look-up ({@link #await()}) before its initialisation ends, so that a
 * failing look-up fails the initialisation.
 */
public final class BackgroundValidator implements PayloadValidator {
  private final CompletableFuture<PayloadValidator> found;

  private BackgroundValidator(CompletableFuture<PayloadValidator> found) {
    this.found = found;
  }

  /** Starts the look-up of a validator for {@code services}. */
  public static BackgroundValidator lookUp(Collection<ServiceDefinition> services) {
    List<ServiceDefinition> definitions = List.copyOf(services);
    return new BackgroundValidator(InitialisationThreads.start("purista-validator-lookup",
        () -> ServiceLoader.load(PayloadValidator.class).findFirst()
            .map(found -> found.forServices(definitions))
            .orElse(PayloadValidator.NONE)));
  }

  /**
   * The validator found, once the look-up has finished.
   *
   * @throws IllegalStateException when the look-up failed, such as a validator provider that cannot start
   */
  public PayloadValidator await() {
    try {
      return found.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the payload validator could not be looked up", cause);
    }
  }

  /**
   * Runs {@code work} on a thread of its own once the look-up has finished, so that work that needs the validator
   * overlaps the main thread too; the future fails when the look-up or the work fails. Never on the caller's
   * thread: a look-up that finishes before this is called (no validator on the class path, or one that builds
   * nothing up front) would otherwise run {@code work} on the main thread, in series with the services' start.
   */
  public CompletableFuture<Void> then(Runnable work) {
    return found.thenRunAsync(work, task -> InitialisationThreads.start("purista-type-priming", () -> {
      task.run();
      return null;
    }));
  }

  @Override
  public List<Violation> validate(Object value) {
    return await().validate(value);
  }
}
