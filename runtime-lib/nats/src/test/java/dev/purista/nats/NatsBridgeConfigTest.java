package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.spi.support.Tls;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Settings from code and from the environment. */
class NatsBridgeConfigTest {
  @Test
  void defaultsFollowPuristaAndALocalServer() {
    NatsBridgeConfig config = NatsBridgeConfig.builder().build();

    assertEquals(List.of("nats://localhost:4222"), config.urls());
    assertEquals("purista", config.subjectPrefix());
    assertEquals("empty", config.emptySubjectPart());
    assertEquals("PURISTA_EVENTS", config.streamName());
    assertEquals("PURISTA_DEAD_LETTER", config.deadLetterStreamName());
    assertEquals(Duration.ofSeconds(30), config.defaultCommandTimeout());
    assertEquals(4, config.maxAttempts(), "the first delivery and three retries, as on every bridge");
    assertEquals(64, config.maxAckPending());
    assertEquals(Optional.empty(), config.instanceId());
    assertFalse(config.durableFallback());
  }

  @Test
  void everySettingCanComeFromTheEnvironment() {
    NatsBridgeConfig config = NatsBridgeConfig.fromEnvironment(Map.ofEntries(
        Map.entry("PURISTA_NATS_URL", "tls://a.example:4222, tls://b.example:4222"),
        Map.entry("PURISTA_NATS_USERNAME", "svc"),
        Map.entry("PURISTA_NATS_PASSWORD", "s3cret"),
        Map.entry("PURISTA_NATS_SUBJECT_PREFIX", "shop"),
        Map.entry("PURISTA_NATS_EMPTY_SUBJECT_PART", "none"),
        Map.entry("PURISTA_NATS_STREAM_REPLICAS", "3"),
        Map.entry("PURISTA_NATS_EVENT_MAX_AGE", "1m"),
        Map.entry("PURISTA_NATS_DEAD_LETTER_MAX_AGE", "PT2M"),
        Map.entry("PURISTA_NATS_MAX_ATTEMPTS", "7"),
        Map.entry("PURISTA_NATS_MAX_ACK_PENDING", "16"),
        Map.entry("PURISTA_NATS_ACK_WAIT", "45s"),
        Map.entry("PURISTA_NATS_RETRY_DELAY", "250ms"),
        Map.entry("PURISTA_NATS_CONSUMER_INACTIVE_THRESHOLD", "1h"),
        Map.entry("PURISTA_NATS_DURABLE_FALLBACK", "true"),
        Map.entry("PURISTA_NATS_COMMAND_TIMEOUT", "5s"),
        Map.entry("PURISTA_NATS_INSTANCE_ID", "pod-7"),
        Map.entry("PURISTA_NATS_RECONNECT_DELAY", "500ms"),
        Map.entry("PURISTA_NATS_CONNECT_TIMEOUT", "3s"),
        Map.entry("PURISTA_NATS_STOP_TIMEOUT", "15s")));

    assertEquals(List.of("tls://a.example:4222", "tls://b.example:4222"), config.urls());
    assertEquals("svc", config.credentials().orElseThrow().username());
    assertEquals("s3cret", config.credentials().orElseThrow().password());
    assertEquals("shop", config.subjectPrefix());
    assertEquals("none", config.emptySubjectPart());
    assertEquals("SHOP_EVENTS", config.streamName(), "stream names follow the prefix");
    assertEquals("SHOP_DEAD_LETTER", config.deadLetterStreamName());
    assertEquals(3, config.streamReplicas());
    assertEquals(Duration.ofMinutes(1), config.eventMaxAge());
    assertEquals(Duration.ofMinutes(2), config.deadLetterMaxAge());
    assertEquals(7, config.maxAttempts());
    assertEquals(16, config.maxAckPending());
    assertEquals(Duration.ofSeconds(45), config.ackWait());
    assertEquals(Duration.ofMillis(250), config.retryDelay());
    assertEquals(Optional.of(Duration.ofHours(1)), config.consumerInactiveThreshold());
    assertTrue(config.durableFallback());
    assertEquals(Duration.ofSeconds(5), config.defaultCommandTimeout());
    assertEquals(Optional.of("pod-7"), config.instanceId());
    assertEquals(Duration.ofMillis(500), config.reconnectDelay());
    assertEquals(Duration.ofSeconds(3), config.connectTimeout());
    assertEquals(Duration.ofSeconds(15), config.stopTimeout());
  }

  @Test
  void streamNamesAndCredentialsFilesFromTheEnvironment() {
    NatsBridgeConfig config = NatsBridgeConfig.fromEnvironment(Map.of(
        "PURISTA_NATS_STREAM", "ORDERS", "PURISTA_NATS_DEAD_LETTER_STREAM", "ORDERS_DLQ",
        "PURISTA_NATS_CREDENTIALS", "service.creds"));

    assertEquals("ORDERS", config.streamName());
    assertEquals("ORDERS_DLQ", config.deadLetterStreamName());
    assertEquals(Optional.of(Path.of("service.creds")), config.credentialsFile());
  }

  @Test
  void aBadValueNamesItsVariable() {
    IllegalArgumentException noUnit = assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_ACK_WAIT", "30000")));
    IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_MAX_ATTEMPTS", "0")));
    IllegalArgumentException notBoolean = assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_DURABLE_FALLBACK", "yes")));
    IllegalArgumentException badPrefix = assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_SUBJECT_PREFIX", "a.b")));

    assertTrue(noUnit.getMessage().startsWith("PURISTA_NATS_ACK_WAIT='30000'"), noUnit.getMessage());
    assertTrue(noUnit.getMessage().contains("add one, such as 30000ms"), noUnit.getMessage());
    assertTrue(outOfRange.getMessage().contains("PURISTA_NATS_MAX_ATTEMPTS"), outOfRange.getMessage());
    assertTrue(notBoolean.getMessage().contains("PURISTA_NATS_DURABLE_FALLBACK"), notBoolean.getMessage());
    assertTrue(badPrefix.getMessage().contains("PURISTA_NATS_SUBJECT_PREFIX"), badPrefix.getMessage());
  }

  @Test
  void aVariableStillOnItsOldNameStopsTheStart() {
    NatsEnvironment.RENAMED.forEach((oldSuffix, newSuffix) -> {
      IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
          () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_" + oldSuffix, "1000")));

      String form = newSuffix.equals("MAX_ATTEMPTS") ? ", a whole number"
          : newSuffix.equals("USERNAME") ? "" : ", a duration such as 30s";
      assertEquals("PURISTA_NATS_" + oldSuffix + " was renamed to PURISTA_NATS_" + newSuffix + form,
          renamed.getMessage());
    });
    assertEquals("PURISTA_NATS_DEFAULT_COMMAND_TIMEOUT_MS was renamed to PURISTA_NATS_COMMAND_TIMEOUT, a duration "
        + "such as 30s", assertThrows(IllegalArgumentException.class, () -> NatsBridgeConfig.fromEnvironment(
            Map.of("PURISTA_NATS_DEFAULT_COMMAND_TIMEOUT_MS", "5000"))).getMessage());
  }

  @Test
  void oneKindOfCredentialsAtATime() {
    assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.builder().token("t").credentials("u", "p").build());
    assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_PASSWORD", "p")));
  }

  @Test
  void secretsNeverShowInToString() {
    String withPassword = NatsBridgeConfig.builder().credentials("svc", "hunter2").build().toString();
    String withToken = NatsBridgeConfig.builder().token("tok-3n2").build().toString();
    String withUrlPassword = NatsBridgeConfig.builder().url("nats://svc:hunter9@nats.example:4222").build()
        .toString();

    assertFalse(withPassword.contains("hunter2"), withPassword);
    assertFalse(withToken.contains("tok-3n2"), withToken);
    assertFalse(withUrlPassword.contains("hunter9"), withUrlPassword);
    assertTrue(withUrlPassword.contains("nats://svc:***@nats.example:4222"), withUrlPassword);
    assertTrue(withPassword.contains("svc"));
  }

  @Test
  void tlsUrlsSwitchTheClientToTls() {
    NatsBridgeConfig config = NatsBridgeConfig.builder().url("tls://nats.example:4222").token("t").build();

    Options options = NatsConnector.options(config, "i1",
        new ConnectionMonitor("i1", Runnable::run, () -> { }));

    assertTrue(options.isTLSRequired(), "tls:// is honoured");
    assertEquals("i1", options.getConnectionName());
    assertEquals(-1, options.getMaxReconnect(), "reconnects for ever");
    assertTrue(options.isReportNoResponders());
  }

  @Test
  void tlsSettingsTurnTlsOnAndTheBridgeAddsTheHostNameCheck() throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init((java.security.KeyStore) null);
    Tls tls = Tls.trusting(trust);
    NatsBridgeConfig config = NatsBridgeConfig.builder().url("nats://nats.example:4222").tls(tls).build();

    Options options = NatsConnector.options(config, "i1",
        new ConnectionMonitor("i1", Runnable::run, () -> { }));

    assertTrue(config.usesTls());
    assertEquals(Optional.of(tls), config.tls());
    assertTrue(options.isTLSRequired());
    assertTrue(options.getSslContext() instanceof HostNameCheckingSslContext, "jnats alone checks no host name");
    assertTrue(config.toString().contains("tls=Tls[trust=given"), config.toString());
    assertFalse(NatsBridgeConfig.builder().build().usesTls());
    assertTrue(NatsBridgeConfig.builder().url("TLS://nats.example:4222").build().usesTls());
  }

  @Test
  void codeHasTheLastWordOnClientOptions() {
    NatsBridgeConfig config = NatsBridgeConfig.builder()
        .clientOptions(options -> options.maxReconnects(10)).build();

    Options options = NatsConnector.options(config, "i1",
        new ConnectionMonitor("i1", Runnable::run, () -> { }));

    assertEquals(10, options.getMaxReconnect());
    assertFalse(options.isTLSRequired());
  }

  @Test
  void aMissingBrokerFailsStartWithTheUrl() {
    NatsBridge bridge = NatsBridge.configure(c -> c.url("nats://127.0.0.1:1").connectTimeout(
        Duration.ofMillis(500)));

    IllegalStateException error = assertThrows(IllegalStateException.class, bridge::start);

    assertTrue(error.getMessage().contains("nats://127.0.0.1:1"), error.getMessage());
    assertFalse(bridge.isReady());
    assertFalse(bridge.isHealthy());
  }

  @Test
  void everyDurationAndUrlIsCheckedWhereItIsSet() {
    Map<String, String> refused = Map.of(
        "PURISTA_NATS_CONNECT_TIMEOUT", "0s",
        "PURISTA_NATS_RECONNECT_DELAY", "0ms",
        "PURISTA_NATS_ACK_WAIT", "0s",
        "PURISTA_NATS_EVENT_MAX_AGE", "-1d",
        "PURISTA_NATS_RETRY_DELAY", "-5ms",
        "PURISTA_NATS_STOP_TIMEOUT", "-1s",
        "PURISTA_NATS_URL", "nats://nats.example:70000",
        "PURISTA_NATS_COMMAND_TIMEOUT", "0ms");
    refused.forEach((variable, value) -> {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> NatsBridgeConfig.fromEnvironment(Map.of(variable, value)), variable);
      assertTrue(error.getMessage().startsWith(variable + "='" + value + "' is invalid: "), error.getMessage());
    });
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.builder().url("http://nats.example:4222"));
    assertTrue(scheme.getMessage().contains("nats://, tls://"), scheme.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NatsBridgeConfig.builder().connectTimeout(Duration.ofNanos(500)));
  }
}
