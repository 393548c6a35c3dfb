package dev.purista.core.lifecycle;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.spi.PayloadValidator;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The validator core's tests find with the service loader: it accepts everything, as {@link PayloadValidator#NONE}
 * does when none is on the class path, and records each {@link #forServices} call, so that a test can see which
 * services were made ready together.
 */
public final class RecordingValidator implements PayloadValidator {
  private static final List<List<String>> SERVICE_NAMES_PER_CALL = new CopyOnWriteArrayList<>();

  /** Made by the service loader. */
  public RecordingValidator() {
  }

  @Override
  public List<Violation> validate(Object value) {
    return List.of();
  }

  @Override
  public PayloadValidator forServices(Collection<ServiceDefinition> services) {
    SERVICE_NAMES_PER_CALL.add(services.stream().map(service -> service.info().name()).toList());
    return this;
  }

  /** The calls that named {@code serviceName}, each as the names of the services it was given. */
  static List<List<String>> callsNaming(String serviceName) {
    return SERVICE_NAMES_PER_CALL.stream().filter(names -> names.contains(serviceName)).toList();
  }
}
