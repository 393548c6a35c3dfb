package dev.purista.benchmarks.mqtt;

import dev.purista.benchmarks.common.InterleavedRounds;
import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Durable events through the MQTT bridge beside the raw HiveMQ client, in one run against one broker: Mosquitto
 * that the benchmark starts ({@code set_tcp_nodelay true}), or a broker that runs already ({@code -DbrokerUrl=}).
 *
 * <ul>
 *   <li>Latency: one event at a time, from {@code emit} until the durable shared subscriber has it; the variants
 *       take turns round by round. Gives p50, p90, p99 and events per second.</li>
 *   <li>Throughput: bursts of {@code -Dburst=} events emitted back to back, timed until the subscriber has the
 *       last one; the variants take turns burst by burst, and the report gives the median rate of each.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -pl benchmarks/mqtt exec:java -Dexec.mainClass=dev.purista.benchmarks.mqtt.MqttEmitBenchmark}.
 * Properties: {@code -Drounds=} (default 20), {@code -Dcalls=} (default 300), {@code -Dwarmup=} (default 5),
 * {@code -Dbursts=} (per variant, default 5), {@code -Dburst=} (events per burst, default 2000), {@code
 * -DeventExpiry=} (the events' message expiry in seconds, default the bridge's 24 days; ActiveMQ Artemis 2.40 needs
 * at most 2147483, see docs/bridges/mqtt.md).
 */
public final class MqttEmitBenchmark {
  private MqttEmitBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 20);
    int calls = Integer.getInteger("calls", 300);
    int warmup = Integer.getInteger("warmup", 5);
    int bursts = Integer.getInteger("bursts", 5);
    int burst = Integer.getInteger("burst", 2000);
    String external = System.getProperty("brokerUrl");
    Duration expiry = Duration.ofSeconds(Long.getLong("eventExpiry", Duration.ofDays(24).toSeconds()));
    try (LocalMosquitto own = external == null ? LocalMosquitto.start() : null) {
      String url = external != null ? external : own.url();
      int port = external != null ? URI.create(external).getPort() : own.port();
      BridgeEmit bridge = new BridgeEmit(url, expiry);
      Message sample = BridgeEmit.sampleEvent(bridge.sender(), bridge.eventName());
      byte[] body = new MessageCodec().encode(sample);
      List<EmitVariant> variants = List.of(new RawEmit(port, body, expiry), bridge);
      try {
        Map<EmitVariant, LatencyRecorder> latency = new InterleavedRounds(warmup, rounds, calls).run(variants);
        double[][] rates = new double[variants.size()][bursts];
        for (EmitVariant variant : variants) {
          variant.burst(burst); // warm-up
        }
        for (int b = 0; b < bursts; b++) {
          for (int v = 0; v < variants.size(); v++) {
            rates[v][b] = burst / (variants.get(v).burst(burst) / 1e9);
          }
        }
        print(variants, latency, rates, rounds, calls, warmup, bursts, burst, body.length, url);
      } finally {
        variants.forEach(EmitVariant::close);
      }
    }
  }

  private static void print(List<EmitVariant> variants, Map<EmitVariant, LatencyRecorder> latency, double[][] rates,
      int rounds, int calls, int warmup, int bursts, int burst, int bodyBytes, String url) {
    System.out.printf(Locale.ROOT, "%nMQTT durable events on %s, QoS 1, durable shared subscription with manual "
        + "acknowledgement; latency: %d measured rounds x %d events per variant, one at a time, interleaved, after %d"
        + " warm-up rounds; throughput: %d bursts of %d events per variant, alternating; body %d bytes; %s %s, %d "
        + "cores%n%n", url, rounds, calls, warmup, bursts, burst, bodyBytes, System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.println("| variant | p50 (µs) | p90 (µs) | p99 (µs) | events/s one at a time | burst events/s (median)"
        + " | **p50 / raw** | p99 / raw | burst events/s / raw |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    LatencyRecorder raw = latency.get(variants.get(0));
    double rawRate = median(rates[0]);
    for (int v = 0; v < variants.size(); v++) {
      LatencyRecorder l = latency.get(variants.get(v));
      double rate = median(rates[v]);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f | %.0f | **%.3f** | %.3f | %.3f |%n",
          variants.get(v).name(), l.percentileMicros(50), l.percentileMicros(90), l.percentileMicros(99),
          l.callsPerSecond(), rate, l.percentileMicros(50) / raw.percentileMicros(50),
          l.percentileMicros(99) / raw.percentileMicros(99), rate / rawRate);
    }
    for (int v = 0; v < variants.size(); v++) {
      System.out.printf(Locale.ROOT, "bursts of %s (events/s): %s%n", variants.get(v).name(),
          Arrays.toString(Arrays.stream(rates[v]).map(Math::rint).toArray()));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
