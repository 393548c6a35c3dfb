package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.unique;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service with one of each route a bridge consumes: an echo command, a durable subscription and a loose one
 * (every instance, not durable). The fault tests check that all three still work after a fault.
 */
final class EchoService {
  /** Payload and result of the command and the events. */
  public record Ping(String text) {
  }

  static final String DURABLE_SUBSCRIPTION = "onDurable";

  final String name;
  final String durableEvent;
  final String looseEvent;
  final MessageAddress echo;
  /** The texts of the events each subscription received, in order. */
  final List<String> durableSeen = new CopyOnWriteArrayList<>();
  final List<String> looseSeen = new CopyOnWriteArrayList<>();

  private EchoService(String name) {
    this.name = name;
    this.durableEvent = unique("durable");
    this.looseEvent = unique("loose");
    this.echo = MessageAddress.of(name, "1", "echo");
  }

  /** Starts the service under a unique name made from {@code baseName}, on {@code bridge}. */
  static EchoService serve(Fixture fixture, MqttBridge bridge, String baseName) {
    EchoService service = new EchoService(unique(baseName));
    fixture.serve(ServiceDefinition.builder(service.name, "1")
        .command(CommandDefinition.builder("echo", Ping.class, Void.class, Ping.class)
            .handler((ctx, ping, none) -> new Ping("echo " + ping.text())).build())
        .subscription(SubscriptionDefinition.builder(DURABLE_SUBSCRIPTION, Ping.class, Void.class)
            .event(service.durableEvent)
            .handler((ctx, ping) -> {
              service.durableSeen.add(ping.text());
              return null;
            }).build())
        .subscription(SubscriptionDefinition.builder("onLoose", Ping.class, Void.class).event(service.looseEvent)
            .everyInstance().durable(false)
            .handler((ctx, ping) -> {
              service.looseSeen.add(ping.text());
              return null;
            }).build())
        .build(), bridge);
    return service;
  }
}
