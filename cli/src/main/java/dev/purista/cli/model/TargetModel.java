package dev.purista.cli.model;


/**
 * A deployment target the project has a bootstrap for. Every project starts with {@code monolith} on the
 * in-memory ({@code default}) bridge; {@code gen bootstrap} adds microservice, lambda and edge targets.
 *
 * @param name monolith, microservice, lambda or edge
 * @param bridge default (in-memory), amqp, nats or mqtt, as PURISTA names them
 */
public record TargetModel(String name, String bridge) {
  public static final String MONOLITH = "monolith";

  public static TargetModel monolith() {
    return new TargetModel(MONOLITH, "default");
  }
}
