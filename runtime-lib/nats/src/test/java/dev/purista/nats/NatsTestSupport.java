package dev.purista.nats;

import java.time.Duration;

/**
 * Settings the tests share. The broker comes from {@code PURISTA_NATS_URL}, as in production, with the local
 * default of the development machines; a broker that is not there fails the tests when they connect.
 */
final class NatsTestSupport {
  private NatsTestSupport() {
  }

  static String brokerUrl() {
    String url = System.getenv("PURISTA_NATS_URL");
    return url == null || url.isBlank() ? "nats://127.0.0.1:4222" : url;
  }

  /**
   * Fast retries and a short ack wait keep the tests short; consumers left by a test run remove themselves from
   * the shared broker after a few minutes.
   */
  static NatsBridgeConfig.Builder fastConfig(String url) {
    return NatsBridgeConfig.fromEnvironment().toBuilder()
        .url(url)
        .retryDelay(Duration.ofMillis(100))
        .ackWait(Duration.ofSeconds(2))
        .reconnectDelay(Duration.ofMillis(100))
        .consumerInactiveThreshold(Duration.ofMinutes(3))
        .stopTimeout(Duration.ofSeconds(5));
  }

  static NatsBridge bridge() {
    return new NatsBridge(fastConfig(brokerUrl()).build());
  }
}
