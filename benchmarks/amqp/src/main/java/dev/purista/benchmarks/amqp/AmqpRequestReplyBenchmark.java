package dev.purista.benchmarks.amqp;

import dev.purista.amqp.AmqpBridgeConfig;
import dev.purista.benchmarks.common.InterleavedRounds;
import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageIds;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Request/reply latency and throughput of {@code AmqpBridge} beside the bare amqp-client, measured in one run and
 * interleaved (a round of ours, then a round of the raw client, and so on), so that drift of the machine hits
 * both alike. One caller, one call at a time: the figure is the round trip, not the broker's capacity.
 *
 * <p>Run: {@code mvn -q -pl benchmarks/amqp exec:java} with the broker of {@code PURISTA_AMQP_URL} (default the
 * local one). Arguments: {@code rounds callsPerRound warmupRounds} (default 100 200 20).
 */
public final class AmqpRequestReplyBenchmark {

  private AmqpRequestReplyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    String url = System.getenv().getOrDefault("PURISTA_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672");
    String prefix = "bench-" + MessageIds.newId().substring(0, 8);
    Map<String, Object> payload = Map.of("name", "benchmark", "count", 42, "tags", List.of("a", "b"));

    Consumer<AmqpBridgeConfig.Builder> settings = config -> config.url(url).exchange(prefix).namePrefix(prefix);
    AmqpBridgeConfig.Builder defaults = AmqpBridgeConfig.builder();
    settings.accept(defaults);
    try (BridgeRequestReply ours = new BridgeRequestReply(settings, payload);
        RawClientRequestReply raw = new RawClientRequestReply(url, prefix + ".raw", new MessageCodec()
            .encode(ours.command()), defaults.build().prefetch())) {
      Map<RequestReply, LatencyRecorder> results = new InterleavedRounds(warmup, rounds, calls)
          .run(List.of(ours, raw));
      print(url, rounds, calls, warmup, results.get(ours), results.get(raw), ours.name(), raw.name());
    } finally {
      deleteTopology(url, prefix);
    }
  }

  private static void print(String url, int rounds, int calls, int warmup, LatencyRecorder ours, LatencyRecorder raw,
      String oursName, String rawName) {
    System.out.printf(Locale.ROOT, "request/reply over RabbitMQ at %s: %d measured rounds of %d calls per side "
            + "(after %d warm-up rounds), interleaved, one caller%n%n",
        AmqpBridgeConfig.builder().url(url).build().url().getHost(), rounds, calls, warmup);
    System.out.println("| side | calls | p50 (µs) | p99 (µs) | calls/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    row(oursName, ours);
    row(rawName, raw);
    System.out.printf(Locale.ROOT, "| **ratio ours/raw** | | **%.3f** | **%.3f** | **%.3f** |%n",
        ours.percentileMicros(50) / raw.percentileMicros(50), ours.percentileMicros(99) / raw.percentileMicros(99),
        ours.callsPerSecond() / raw.callsPerSecond());
  }

  private static void row(String name, LatencyRecorder result) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f |%n", name, result.count(),
        result.percentileMicros(50), result.percentileMicros(99), result.callsPerSecond());
  }

  /** The exchanges and the dead-letter queue the bridges declared; queues of the run delete themselves. */
  static void deleteTopology(String url, String prefix) {
    try {
      com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
      factory.setUri(url);
      try (com.rabbitmq.client.Connection connection = factory.newConnection("bench-cleanup");
          com.rabbitmq.client.Channel channel = connection.createChannel()) {
        channel.queueDelete(prefix + ".dead-letter");
        channel.exchangeDelete(prefix + ".dead-letter");
        channel.exchangeDelete(prefix);
      }
    } catch (Exception e) {
      System.err.println("cleanup of " + prefix + " failed: " + e);
    }
  }
}
