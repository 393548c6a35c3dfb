package dev.purista.cli.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four deployment targets and the bridges each may default to. A target without a bridge choice runs on the
 * in-memory bridge: the monolith holds every service in one process, and a Lambda function holds them inside the
 * function. The edge target defaults to MQTT; {@code PURISTA_EVENT_BRIDGE=memory} runs it alone.
 */
public enum TargetKind {
  MONOLITH("monolith", List.of()),
  MICROSERVICE("microservice", List.of("amqp", "nats", "mqtt")),
  LAMBDA("lambda", List.of()),
  EDGE("edge", List.of("mqtt"));

  private final String targetName;
  private final List<String> bridges;

  TargetKind(String targetName, List<String> bridges) {
    this.targetName = targetName;
    this.bridges = bridges;
  }

  /** The name in {@code purista.json} and on the command line. */
  public String targetName() {
    return targetName;
  }

  /** The bridges {@code --bridge} may name for this target; empty when it has no choice. */
  public List<String> bridges() {
    return bridges;
  }

  /** The bridge used when {@code --bridge} is not given. */
  public String defaultBridge() {
    return bridges.isEmpty() ? TargetModel.IN_MEMORY : bridges.get(0);
  }

  public static Optional<TargetKind> named(String name) {
    return Arrays.stream(values()).filter(kind -> kind.targetName.equals(name)).findFirst();
  }

  /** Every target name, in the order they are generated. */
  public static List<String> names() {
    return Arrays.stream(values()).map(TargetKind::targetName).toList();
  }
}
