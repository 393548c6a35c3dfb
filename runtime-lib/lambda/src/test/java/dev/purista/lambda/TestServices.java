package dev.purista.lambda;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A service whose handlers count their calls, so that a test can tell whether a handler ran. */
final class TestServices {
  record Name(String name) {
  }

  record Query(String lang, List<String> tag) {
  }

  record Echo(String name, String lang, List<String> tag) {
  }

  record Nap(long millis) {
  }

  record Order(String orderId) {
  }

  final AtomicInteger echoes = new AtomicInteger();
  final AtomicInteger naps = new AtomicInteger();
  final List<String> orders = new CopyOnWriteArrayList<>();
  final ServiceDefinition definition;

  TestServices(String serviceName) {
    this(serviceName, "1");
  }

  TestServices(String serviceName, String version) {
    CommandDefinition<Name, Query, Echo> echo = CommandDefinition
        .builder("echo", Name.class, Query.class, Echo.class)
        .http(HttpMethod.POST, "echo/{lang}", HttpAccess.PUBLIC)
        .handler((context, payload, parameter) -> {
          echoes.incrementAndGet();
          return new Echo(payload == null ? null : payload.name(), parameter.lang(), parameter.tag());
        })
        .build();
    CommandDefinition<Nap, Void, Nap> nap = CommandDefinition
        .builder("nap", Nap.class, Void.class, Nap.class)
        .http(HttpMethod.POST, "naps", HttpAccess.PUBLIC)
        .handler((context, payload, parameter) -> {
          naps.incrementAndGet();
          Thread.sleep(payload.millis());
          return payload;
        })
        .build();
    SubscriptionDefinition<Order, Void> record = SubscriptionDefinition
        .builder("record", Order.class, Void.class)
        .event("order.placed")
        .durable(false)
        .handler((context, order) -> {
          if (order.orderId().startsWith("fail")) {
            throw new IllegalStateException("refused " + order.orderId());
          }
          if (order.orderId().startsWith("slow")) {
            Thread.sleep(2_000);
          }
          orders.add(order.orderId());
          return null;
        })
        .build();
    definition = ServiceDefinition.builder(serviceName, version).command(echo).command(nap).subscription(record).build();
  }
}
