package dev.purista.lambda.it;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.lambda.LambdaFunction;
import dev.purista.lambda.PuristaLambdaHandler;

/**
 * A function that cannot start: two of its commands claim the same method and path, which the gateway refuses
 * while the services start, during the function's initialisation.
 */
public final class BrokenFunction extends PuristaLambdaHandler {
  private static final ServiceDefinition CLASHING = ServiceDefinition.builder("clash", "1")
      .command(ShopService.STATS)
      .command(CommandDefinition.builder("statsAgain", Void.class, Void.class, ShopService.Greeting.class)
          .http(HttpMethod.GET, "stats", HttpAccess.PUBLIC)
          .handler((context, payload, parameter) -> new ShopService.Greeting("unreachable"))
          .build())
      .build();

  public BrokenFunction() {
    super(LambdaFunction.builder().service(CLASHING));
  }
}
