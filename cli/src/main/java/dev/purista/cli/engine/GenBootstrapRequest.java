package dev.purista.cli.engine;

import java.util.List;

/**
 * What {@code purista gen bootstrap} generates.
 *
 * @param target monolith, microservice, lambda, edge or all
 * @param bridge the default bridge of the targets that have a choice (amqp, nats, mqtt), or {@code null} for
 *     each target's default
 * @param services the services that get a microservice main; empty for every service, including later ones
 */
public record GenBootstrapRequest(String target, String bridge, List<String> services) {
  public GenBootstrapRequest {
    services = List.copyOf(services == null ? List.of() : services);
  }
}
