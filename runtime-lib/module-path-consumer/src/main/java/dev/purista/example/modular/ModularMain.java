package dev.purista.example.modular;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageIds;
import dev.purista.core.spi.EventBridge;
import dev.purista.example.modular.greeting.GreetingService;
import dev.purista.example.modular.greeting.GreetingService.Greeting;
import dev.purista.example.modular.greeting.GreetingService.Person;
import dev.purista.nats.NatsBridge;
import java.time.Duration;

/**
 * Starts the greeting service on the bridge named by the first argument ({@code in-memory}, which writes every
 * message as JSON and reads it back, or {@code nats}), makes one call and prints the answer.
 */
public final class ModularMain {
  private ModularMain() {
  }

  public static void main(String[] args) {
    EventBridge bridge = args.length > 0 && args[0].equals("nats")
        ? NatsBridge.configure(o -> o.url(System.getenv().getOrDefault("PURISTA_NATS_URL", "nats://127.0.0.1:4222")))
        : DefaultEventBridge.configure(o -> o.jsonRoundTrip(true));
    String serviceName = "modular" + MessageIds.newId().substring(0, 10);
    try (Application application = Application.builder(bridge)
        .service(GreetingService.definition(serviceName))
        .gracePeriod(Duration.ofSeconds(5))
        .build()
        .start()) {
      Greeting greeting = application.client("modular-main").invoke(GreetingService.greet(serviceName),
          new Person("module path"), null, Greeting.class, Duration.ofSeconds(10));
      System.out.println("module: " + ModularMain.class.getModule().getName());
      System.out.println("answer: " + greeting.text());
    }
  }
}
