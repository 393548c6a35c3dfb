package dev.purista.core.lifecycle;

import java.util.List;

/**
 * Liveness and readiness of an application, aggregated from its bridge, stores and services. An orchestrator
 * restarts a process that is not live and routes no traffic to one that is not ready.
 */
public record HealthReport(boolean live, boolean ready, List<ComponentHealth> components) {

  static HealthReport of(List<ComponentHealth> components, boolean running) {
    boolean live = components.stream().allMatch(ComponentHealth::live);
    boolean ready = running && live && components.stream().allMatch(ComponentHealth::ready);
    return new HealthReport(live, ready, List.copyOf(components));
  }
}
