package dev.purista.cli.model;

import java.util.List;

/**
 * A deployment target the project has a bootstrap and a module for. Every project starts with {@code monolith}
 * on the in-memory ({@code default}) bridge; {@code purista gen bootstrap} adds or changes the others.
 *
 * @param name monolith, microservice, lambda or edge (see {@link TargetKind})
 * @param bridge the bridge the bootstrap uses when the environment names none: default (in-memory), amqp, nats
 *     or mqtt, as PURISTA names them
 * @param services the services (by name) that get a main of their own in the microservice target; empty means
 *     every service, including the ones added later
 */
public record TargetModel(String name, String bridge, List<String> services) {
  public static final String MONOLITH = "monolith";
  public static final String IN_MEMORY = "default";

  public TargetModel {
    services = List.copyOf(services == null ? List.of() : services);
  }

  public TargetModel(String name, String bridge) {
    this(name, bridge, List.of());
  }

  public static TargetModel monolith() {
    return new TargetModel(MONOLITH, IN_MEMORY);
  }

  /** Whether the target runs {@code service} in a process of its own: every service unless a list was given. */
  public boolean includes(ServiceModel service) {
    return services.isEmpty() || services.contains(service.name());
  }
}
