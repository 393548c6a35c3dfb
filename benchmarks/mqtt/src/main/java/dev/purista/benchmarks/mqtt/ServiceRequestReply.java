package dev.purista.benchmarks.mqtt;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;
import dev.purista.mqtt.MqttBridge;
import java.time.Duration;

/**
 * Request/reply as an application does it: a {@link PuristaClient} invokes a service command over the MQTT
 * bridge, and the command runs the full pipeline (binding, validation, handler on the service's executor). For
 * information: it adds the service runtime's cost to the bridge's.
 */
final class ServiceRequestReply implements RequestReply {
  /** Payload of the benchmark command. */
  public record Greeting(String name, int count) {
  }

  /** Result of the benchmark command. */
  public record Reply(String text) {
  }

  private static final MessageAddress GREET = MessageAddress.of("benchService", "1", "greet");

  private final MqttBridge serverBridge;
  private final MqttBridge clientBridge;
  private final Service service;
  private final PuristaClient client;

  ServiceRequestReply(String url) {
    serverBridge = MqttBridge.configure(config -> config.url(url));
    serverBridge.start();
    service = ServiceDefinition.builder("benchService", "1")
        .command(CommandDefinition.builder("greet", Greeting.class, Void.class, Reply.class)
            .handler((ctx, greeting, none) -> new Reply("hello " + greeting.name() + " x" + greeting.count()))
            .build())
        .build()
        .getInstance(serverBridge);
    service.start();
    clientBridge = MqttBridge.configure(config -> config.url(url));
    clientBridge.start();
    client = PuristaClient.of(clientBridge, "benchCaller");
  }

  @Override
  public String name() {
    return "purista service over MqttBridge (PuristaClient, full pipeline)";
  }

  @Override
  public void call() {
    client.invoke(GREET, new Greeting("benchmark", 1), null, Reply.class, Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    service.stop(Duration.ofSeconds(5));
    clientBridge.stop();
    serverBridge.stop();
  }
}
