package dev.purista.lambda.it;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.SubscriptionDefinition;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The function's one service: commands over HTTP and direct invocation, a subscription fed by SQS, SNS and
 * EventBridge, and one that always fails.
 */
public final class ShopService {
  static final List<String> RECORDED_ORDERS = new CopyOnWriteArrayList<>();
  static final AtomicInteger REFUSED_DISPUTES = new AtomicInteger();

  /** A greeting's input. */
  public record GreetPayload(@NotBlank String name) {
  }

  /** Path and query of a greeting. */
  public record GreetParameter(String lang) {
  }

  /** A greeting. */
  public record Greeting(String message) {
  }

  /** What this JVM has done so far. */
  public record Stats(int bridgeStarts, int commandRegistrations, int invocations, long pid,
      List<String> recordedOrders, int refusedDisputes) {
  }

  /** The payload of an order's events. */
  public record OrderPlaced(@NotBlank String orderId, @Min(1) int quantity) {
  }

  public static final CommandDefinition<GreetPayload, GreetParameter, Greeting> GREET = CommandDefinition
      .builder("greet", GreetPayload.class, GreetParameter.class, Greeting.class)
      .http(HttpMethod.POST, "greetings", HttpAccess.PUBLIC)
      .handler((context, payload, parameter) -> new Greeting(("de".equals(parameter.lang()) ? "Hallo " : "Hello ")
          + payload.name()))
      .build();

  public static final CommandDefinition<Void, Void, Stats> STATS = CommandDefinition
      .builder("stats", Void.class, Void.class, Stats.class)
      .http(HttpMethod.GET, "stats", HttpAccess.PUBLIC)
      .handler((context, payload, parameter) -> new Stats(CountingBridge.STARTS.get(),
          CountingBridge.COMMAND_REGISTRATIONS.get(), CountingBridge.INVOCATIONS.get(), ProcessHandle.current().pid(),
          List.copyOf(RECORDED_ORDERS), REFUSED_DISPUTES.get()))
      .build();

  public static final CommandDefinition<Void, Void, Greeting> REFUSE = CommandDefinition
      .builder("refuse", Void.class, Void.class, Greeting.class)
      .http(HttpMethod.GET, "refusals", HttpAccess.PUBLIC)
      .handler((context, payload, parameter) -> {
        throw new HandledError(StatusCode.CONFLICT, "refused on purpose");
      })
      .build();

  public static final CommandDefinition<Void, Void, Greeting> SECRET = CommandDefinition
      .builder("secret", Void.class, Void.class, Greeting.class)
      .http(HttpMethod.GET, "secrets")
      .handler((context, payload, parameter) -> new Greeting("never without credentials"))
      .build();

  public static final SubscriptionDefinition<OrderPlaced, Void> RECORD_ORDER = SubscriptionDefinition
      .builder("recordOrder", OrderPlaced.class, Void.class)
      .event("order.placed")
      .handler((context, order) -> {
        RECORDED_ORDERS.add(order.orderId());
        context.logger().info("recorded order {}", order.orderId());
        return null;
      })
      .build();

  // Counts each time it runs, so that a test can tell this subscription's failure from an event nobody takes.
  public static final SubscriptionDefinition<OrderPlaced, Void> REFUSE_DISPUTE = SubscriptionDefinition
      .builder("refuseDispute", OrderPlaced.class, Void.class)
      .event("order.disputed")
      .handler((context, order) -> {
        REFUSED_DISPUTES.incrementAndGet();
        throw new IllegalStateException("dispute of " + order.orderId() + " refused on purpose");
      })
      .build();

  public static final ServiceDefinition DEFINITION = ServiceDefinition.builder("shop", "1")
      .command(GREET)
      .command(STATS)
      .command(REFUSE)
      .command(SECRET)
      .subscription(RECORD_ORDER)
      .subscription(REFUSE_DISPUTE)
      .build();

  private ShopService() {
  }
}
