package dev.purista.lambda.it;

import dev.purista.lambda.LambdaFunction;
import dev.purista.lambda.PuristaLambdaHandler;

/** The handler a function built on purista-lambda has: its services, named in a few lines. */
public final class ShopFunction extends PuristaLambdaHandler {
  public ShopFunction() {
    super(LambdaFunction.builder().service(ShopService.DEFINITION).bridge(CountingBridge::new));
  }
}
