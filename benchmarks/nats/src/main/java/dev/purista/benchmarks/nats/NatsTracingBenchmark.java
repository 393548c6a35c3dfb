package dev.purista.benchmarks.nats;

import dev.purista.benchmarks.common.TracingComparison;
import dev.purista.core.message.MessageIds;
import dev.purista.nats.NatsBridge;

/**
 * Service request/reply over NATS with tracing off and on ({@link TracingComparison}), under a subject prefix of
 * this run's own. Run with {@code mvn -pl benchmarks/nats exec:java
 * -Dexec.mainClass=dev.purista.benchmarks.nats.NatsTracingBenchmark}.
 */
public final class NatsTracingBenchmark {
  private NatsTracingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("PURISTA_NATS_URL", "nats://127.0.0.1:4222");
    String prefix = "benchtracing" + MessageIds.newId().substring(0, 8);
    TracingComparison.run("NATS", () -> NatsBridge.configure(config -> config.url(url).subjectPrefix(prefix)));
  }
}
