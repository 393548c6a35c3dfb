package dev.purista.lambda.internal;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import java.util.Collection;
import java.util.List;

/**
 * The validator the service loader finds in this module's tests: accepts everything, as no validator does, and
 * remembers the services it was made ready for.
 */
public final class ServicesRecordingValidator implements PayloadValidator {
  private final List<ServiceDefinition> services;

  public ServicesRecordingValidator() {
    this(List.of());
  }

  private ServicesRecordingValidator(List<ServiceDefinition> services) {
    this.services = services;
  }

  List<ServiceDefinition> services() {
    return services;
  }

  @Override
  public List<Violation> validate(Object value) {
    return List.of();
  }

  @Override
  public PayloadValidator forServices(Collection<ServiceDefinition> services) {
    return new ServicesRecordingValidator(List.copyOf(services));
  }
}
