package dev.purista.benchmarks.mqtt;

import dev.purista.benchmarks.common.InterleavedRounds;
import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.Messages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request/reply latency and rate of the MQTT bridge beside the raw HiveMQ client, measured in one run against one
 * Mosquitto that the benchmark starts ({@code set_tcp_nodelay true}). The variants take turns, round by round
 * (A, B, C, A, B, C, ...), so that drift of the machine during the run hits them alike; the report gives each
 * variant's p50, p99 and calls per second, and the ratio to the raw client.
 *
 * <p>Run: {@code mvn -q -pl benchmarks/mqtt exec:java} (after {@code mvn -q -pl runtime-lib/mqtt install}).
 * Properties: {@code -Drounds=} (measured rounds, default 40), {@code -Dcalls=} (calls per variant and round,
 * default 500), {@code -Dwarmup=} (rounds discarded first, default 10), {@code -DbridgeOnly=true} (leave out the
 * full service pipeline).
 */
public final class MqttRequestReplyBenchmark {
  private MqttRequestReplyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 40);
    int calls = Integer.getInteger("calls", 500);
    int warmup = Integer.getInteger("warmup", 10);
    // -DbrokerUrl=mqtt://127.0.0.1:<port> measures against a broker that runs already (HiveMQ, say).
    String external = System.getProperty("brokerUrl");
    try (LocalMosquitto own = external == null ? LocalMosquitto.start() : null) {
      String url = external != null ? external : own.url();
      int port = external != null ? URI.create(external).getPort() : own.port();
      BridgeRequestReply bridge = new BridgeRequestReply(url);
      MessageCodec codec = new MessageCodec();
      Message command = BridgeRequestReply.sampleCommand(bridge.sender());
      Message reply = Messages.successResponse(command, BridgeRequestReply.RESULT, null,
          Messages.responder(command, "a-responder-instance-id-0123456789"));
      List<RequestReply> variants = new ArrayList<>(List.of(
          new RawRequestReply(port, codec.encode(command), codec.encode(reply), false),
          new RawRequestReply(port, codec.encode(command), codec.encode(reply), true),
          bridge));
      if (!Boolean.getBoolean("bridgeOnly")) {
        variants.add(new ServiceRequestReply(url));
      }
      Map<RequestReply, LatencyRecorder> results;
      try {
        results = new InterleavedRounds(warmup, rounds, calls).run(variants);
      } finally {
        variants.forEach(RequestReply::close);
      }
      print(results, rounds, calls, warmup, codec.encode(command).length, codec.encode(reply).length);
    }
  }

  private static void print(Map<RequestReply, LatencyRecorder> results, int rounds, int calls, int warmup,
      int requestBytes, int replyBytes) {
    List<Map.Entry<RequestReply, LatencyRecorder>> rows = new ArrayList<>(results.entrySet());
    LatencyRecorder raw = rows.get(0).getValue();
    LatencyRecorder rawOnIoThread = rows.get(1).getValue();
    System.out.printf(Locale.ROOT, "%nMQTT request/reply, one caller, QoS 1 both ways; %d measured rounds x %d calls"
        + " per variant, interleaved, after %d warm-up rounds; request %d bytes, reply %d bytes; %s %s, %d cores%n%n",
        rounds, calls, warmup, requestBytes, replyBytes, System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.println("| variant | p50 (µs) | p90 (µs) | p99 (µs) | calls/s | **p50 / raw** | p99 / raw | calls/s / raw"
        + " | p50 / raw on I/O thread |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<RequestReply, LatencyRecorder> row : rows) {
      LatencyRecorder l = row.getValue();
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f | **%.3f** | %.3f | %.3f | %.3f |%n",
          row.getKey().name(), l.percentileMicros(50), l.percentileMicros(90), l.percentileMicros(99),
          l.callsPerSecond(), l.percentileMicros(50) / raw.percentileMicros(50),
          l.percentileMicros(99) / raw.percentileMicros(99), l.callsPerSecond() / raw.callsPerSecond(),
          l.percentileMicros(50) / rawOnIoThread.percentileMicros(50));
    }
  }
}
