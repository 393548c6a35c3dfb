package dev.purista.benchmarks.mqtt;

import dev.purista.benchmarks.common.TracingComparison;
import dev.purista.mqtt.MqttBridge;

/**
 * Service request/reply over MQTT 5 with tracing off and on ({@link TracingComparison}), on a Mosquitto of this
 * run's own with {@code set_tcp_nodelay true}, as {@link MqttRequestReplyBenchmark} uses. Run with {@code mvn -pl
 * benchmarks/mqtt exec:java -Dexec.mainClass=dev.purista.benchmarks.mqtt.MqttTracingBenchmark}.
 */
public final class MqttTracingBenchmark {
  private MqttTracingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    try (LocalMosquitto broker = LocalMosquitto.start()) {
      TracingComparison.run("MQTT 5 (Mosquitto, TCP_NODELAY)", () -> MqttBridge.configure(config -> config
          .url(broker.url())));
    }
  }
}
