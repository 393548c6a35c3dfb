package dev.purista.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.function.Supplier;

/** An event bridge with one echo service on it; the round trip is one command call through the broker. */
final class BridgeParticipant implements Participant {
  /** Payload and result of the echo command. */
  public record Ping(String text) {
  }

  private final String name;
  private final Supplier<EventBridge> bridge;

  BridgeParticipant(String name, Supplier<EventBridge> bridge) {
    this.name = name;
    this.bridge = bridge;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void roundTrip() {
    // A name of its own per run: the brokers are shared, and another run must not answer this one's call.
    String service = "mixed" + MessageIds.newId().substring(0, 10);
    ServiceDefinition echo = ServiceDefinition.builder(service, "1")
        .command(CommandDefinition.builder("echo", Ping.class, Void.class, Ping.class)
            .handler((ctx, ping, none) -> new Ping("echo " + ping.text()))
            .build())
        .build();
    try (Application application = Application.builder(bridge.get())
        .service(echo)
        .gracePeriod(Duration.ofSeconds(5))
        .build()
        .start()) {
      Ping answer = application.client("mixed-classpath-test")
          .invoke(MessageAddress.of(service, "1", "echo"), new Ping(name), null, Ping.class, Duration.ofSeconds(10));
      assertEquals(new Ping("echo " + name), answer);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
