package dev.purista.benchmarks.nats;

import dev.purista.benchmarks.common.InterleavedRounds;
import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request/reply latency of {@code NatsBridge} against the bare jnats client, measured in one run against one NATS
 * server, in interleaved rounds (bridge, then raw, each round), so that drift of the machine hits both alike.
 * Reports p50, p99 and calls per second of each, and the ratios bridge/raw.
 *
 * <pre>
 * mvn -q -pl benchmarks/nats exec:java                       # PURISTA_NATS_URL, default nats://127.0.0.1:4222
 * mvn -q -pl benchmarks/nats exec:java -Dbench.rounds=200 -Dbench.calls=500 -Dbench.warmupRounds=20
 * </pre>
 */
public final class NatsRequestReplyBenchmark {
  private NatsRequestReplyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("PURISTA_NATS_URL", "nats://127.0.0.1:4222");
    // Short rounds: the load of a shared machine changes from second to second, and each side gets its share.
    int rounds = Integer.getInteger("bench.rounds", 100);
    int calls = Integer.getInteger("bench.calls", 500);
    int warmupRounds = Integer.getInteger("bench.warmupRounds", 20);

    MessageCodec codec = new MessageCodec();
    try (BridgeContender bridge = new BridgeContender(url)) {
      Message command = BridgeContender.command(bridge.callerInstanceId());
      byte[] request = codec.encode(command);
      byte[] reply = codec.encode(Messages.successResponse(command, BridgeContender.RESULT, null,
          Messages.responder(command, "responder-instance")));
      try (RawJnatsContender raw = new RawJnatsContender(url, "benchmark.raw.echo", request, reply)) {
        System.out.printf(Locale.ROOT, "NATS %s; %d warm-up + %d measured rounds of %d calls each; request %d B, "
            + "reply %d B; Java %s%n", url, warmupRounds, rounds, calls, request.length, reply.length,
            System.getProperty("java.version"));
        report(new InterleavedRounds(warmupRounds, rounds, calls).<Contender>run(List.of(bridge, raw)));
      }
    }
  }

  private static void report(Map<Contender, LatencyRecorder> results) {
    System.out.println();
    System.out.println("| contender | calls | p50 (µs) | p99 (µs) | calls/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    results.forEach((contender, r) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f |%n",
        contender.name(), r.count(), r.percentileMicros(50), r.percentileMicros(99), r.callsPerSecond()));
    List<LatencyRecorder> rows = List.copyOf(results.values());
    LatencyRecorder ours = rows.get(0);
    LatencyRecorder raw = rows.get(1);
    System.out.printf(Locale.ROOT, "%nratio bridge/raw: p50 %.3f, p99 %.3f, calls/s %.3f%n",
        ours.percentileMicros(50) / raw.percentileMicros(50), ours.percentileMicros(99) / raw.percentileMicros(99),
        ours.callsPerSecond() / raw.callsPerSecond());
  }
}
