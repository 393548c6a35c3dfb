package dev.purista.benchmarks.lambda.function;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import jakarta.validation.constraints.NotBlank;

/** One command, {@code POST /api/v1/greetings}, as the CLI generates it: records, a constraint, a handler. */
public final class GreetingService {
  /** The greeting's input. */
  public record GreetPayload(@NotBlank String name) {
  }

  /** No parameters. */
  public record GreetParameter() {
  }

  /** The greeting. */
  public record Greeting(String message) {
  }

  public static final CommandDefinition<GreetPayload, GreetParameter, Greeting> GREET = CommandDefinition
      .builder("greet", GreetPayload.class, GreetParameter.class, Greeting.class)
      .http(HttpMethod.POST, "greetings", HttpAccess.PUBLIC)
      .handler((context, payload, parameter) -> new Greeting("Hello " + payload.name()))
      .build();

  public static final ServiceDefinition DEFINITION = ServiceDefinition.builder("greeting", "1").command(GREET).build();

  private GreetingService() {
  }
}
