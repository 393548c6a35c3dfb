package dev.purista.benchmarks.lambda.function;

import dev.purista.lambda.LambdaFunction;
import dev.purista.lambda.PuristaLambdaHandler;

/** The handler a generated project has: one service on the in-memory bridge, started during initialisation. */
public final class GreetingFunction extends PuristaLambdaHandler {
  public GreetingFunction() {
    super(LambdaFunction.builder().service(GreetingService.DEFINITION));
  }
}
