package dev.purista.benchmarks.amqp;

import dev.purista.amqp.AmqpBridge;
import dev.purista.benchmarks.common.TracingComparison;
import dev.purista.core.message.MessageIds;

/**
 * Service request/reply over RabbitMQ with tracing off and on ({@link TracingComparison}), on an exchange of this
 * run's own. Run with {@code mvn -pl benchmarks/amqp exec:java
 * -Dexec.mainClass=dev.purista.benchmarks.amqp.AmqpTracingBenchmark}.
 */
public final class AmqpTracingBenchmark {
  private AmqpTracingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("PURISTA_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672");
    String prefix = "bench-tracing-" + MessageIds.newId().substring(0, 8);
    try {
      TracingComparison.run("AMQP (RabbitMQ)", () -> AmqpBridge.configure(config -> config.url(url)
          .exchange(prefix).namePrefix(prefix)));
    } finally {
      AmqpRequestReplyBenchmark.deleteTopology(url, prefix);
    }
  }
}
