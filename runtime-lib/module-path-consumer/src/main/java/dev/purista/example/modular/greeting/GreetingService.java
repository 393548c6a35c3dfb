package dev.purista.example.modular.greeting;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;

/** One service with one command, whose payload and result are records of this (opened) package. */
public final class GreetingService {
  /** The command's payload. */
  public record Person(String name) {
  }

  /** The command's result. */
  public record Greeting(String text) {
  }

  private GreetingService() {
  }

  /** The service, under {@code serviceName}. */
  public static ServiceDefinition definition(String serviceName) {
    return ServiceDefinition.builder(serviceName, "1")
        .command(CommandDefinition.builder("greet", Person.class, Void.class, Greeting.class)
            .handler((ctx, person, none) -> new Greeting("Hello, " + person.name()))
            .build())
        .build();
  }

  /** The address of the greet command of the service named {@code serviceName}. */
  public static MessageAddress greet(String serviceName) {
    return MessageAddress.of(serviceName, "1", "greet");
  }
}
