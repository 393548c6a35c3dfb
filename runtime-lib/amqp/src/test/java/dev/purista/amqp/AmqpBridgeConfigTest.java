package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpBridgeConfigTest {

  @Test
  void defaultsFollowPurista() {
    AmqpBridgeConfig config = AmqpBridgeConfig.fromEnvironment(Map.of());

    assertEquals("amqp://localhost:5672", config.url().toString());
    assertEquals("purista", config.exchange());
    assertEquals("purista", config.namePrefix());
    assertEquals(Duration.ofSeconds(30), config.defaultCommandTimeout());
    assertEquals(4, config.maxAttempts(), "the first delivery and three retries");
    assertEquals(10, config.prefetch());
    assertFalse(config.usesTls());
  }

  @Test
  void everySettingIsReadFromItsEnvironmentVariable() {
    AmqpBridgeConfig config = AmqpBridgeConfig.fromEnvironment(Map.ofEntries(
        Map.entry("PURISTA_AMQP_URL", "amqp://broker.internal:5673/orders"),
        Map.entry("PURISTA_AMQP_USERNAME", "svc"),
        Map.entry("PURISTA_AMQP_PASSWORD", "s3cret"),
        Map.entry("PURISTA_AMQP_EXCHANGE", "shop"),
        Map.entry("PURISTA_AMQP_NAME_PREFIX", "shop-q"),
        Map.entry("PURISTA_AMQP_PREFETCH", "25"),
        Map.entry("PURISTA_AMQP_MAX_ATTEMPTS", "5"),
        Map.entry("PURISTA_AMQP_RETRY_DELAY", "250ms"),
        Map.entry("PURISTA_AMQP_COMMAND_TIMEOUT", "1500ms"),
        Map.entry("PURISTA_AMQP_INSTANCE_ID", "pod-7"),
        Map.entry("PURISTA_AMQP_CONNECTION_NAME", "orders-pod-7"),
        Map.entry("PURISTA_AMQP_CONNECT_TIMEOUT", "2s"),
        Map.entry("PURISTA_AMQP_HEARTBEAT", "30s"),
        Map.entry("PURISTA_AMQP_RECONNECT_DELAY", "PT3S"),
        Map.entry("PURISTA_AMQP_STOP_TIMEOUT", "4s")));

    assertEquals("broker.internal", config.url().getHost());
    assertEquals("svc", config.credentials().orElseThrow().username());
    assertEquals("s3cret", config.credentials().orElseThrow().password());
    assertEquals("shop", config.exchange());
    assertEquals("shop-q", config.namePrefix());
    assertEquals(25, config.prefetch());
    assertEquals(5, config.maxAttempts());
    assertEquals(Duration.ofMillis(250), config.retryDelay());
    assertEquals(Duration.ofMillis(1500), config.defaultCommandTimeout());
    assertEquals("pod-7", config.instanceId());
    assertEquals("orders-pod-7", config.connectionName());
    assertEquals(Duration.ofSeconds(2), config.connectTimeout());
    assertEquals(Duration.ofSeconds(30), config.heartbeat());
    assertEquals(Duration.ofSeconds(3), config.reconnectDelay());
    assertEquals(Duration.ofSeconds(4), config.stopTimeout());
  }

  @Test
  void theConnectionFactoryGetsHostVhostAndCredentials() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqp://alice:fromurl@mq:5673/prod")
        .credentials("bob", "override").build();

    ConnectionFactory factory = new AmqpConnector(config).factory();

    assertEquals("mq", factory.getHost());
    assertEquals(5673, factory.getPort());
    assertEquals("prod", factory.getVirtualHost());
    assertEquals("bob", factory.getUsername(), "separate credentials win over the URL's");
    assertEquals("override", factory.getPassword());
    assertTrue(factory.isAutomaticRecoveryEnabled());
    assertTrue(factory.isTopologyRecoveryEnabled());
    assertFalse(factory.isSSL());
  }

  @Test
  void anAmqpsUrlConnectsWithTlsOnTheTlsPort() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqps://mq.example.com").build();

    ConnectionFactory factory = new AmqpConnector(config).factory();

    assertTrue(config.usesTls());
    assertTrue(factory.isSSL());
    assertEquals(5671, factory.getPort());
  }

  @Test
  void badValuesFailNamingTheVariable() {
    IllegalArgumentException prefetch = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_PREFETCH", "many")));
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_URL", "http://mq:15672")));
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_COMMAND_TIMEOUT", "0s")));
    IllegalArgumentException bareNumber = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_HEARTBEAT", "30")));

    assertTrue(prefetch.getMessage().startsWith("PURISTA_AMQP_PREFETCH='many'"), prefetch.getMessage());
    assertTrue(scheme.getMessage().contains("amqp://"), scheme.getMessage());
    assertTrue(timeout.getMessage().startsWith("PURISTA_AMQP_COMMAND_TIMEOUT='0s'"), timeout.getMessage());
    assertTrue(timeout.getMessage().contains("must be at least 1ms"), timeout.getMessage());
    assertTrue(bareNumber.getMessage().startsWith("PURISTA_AMQP_HEARTBEAT='30'"), bareNumber.getMessage());
    assertTrue(bareNumber.getMessage().contains("add one, such as 30ms or 30s"), bareNumber.getMessage());
  }

  @Test
  void aVariableStillOnItsOldNameStopsTheStart() {
    AmqpEnvironment.RENAMED.forEach((oldSuffix, newSuffix) -> {
      IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
          () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_" + oldSuffix, "1000")));

      String form = newSuffix.equals("MAX_ATTEMPTS") ? "a whole number" : "a duration such as 30s";
      assertEquals("PURISTA_AMQP_" + oldSuffix + " was renamed to PURISTA_AMQP_" + newSuffix + ", " + form,
          renamed.getMessage());
    });
    assertEquals("PURISTA_AMQP_COMMAND_TIMEOUT_MS was renamed to PURISTA_AMQP_COMMAND_TIMEOUT, a duration such as 30s",
        assertThrows(IllegalArgumentException.class, () -> AmqpBridgeConfig.fromEnvironment(
            Map.of("PURISTA_AMQP_COMMAND_TIMEOUT_MS", "1500"))).getMessage());
  }

  @Test
  void credentialsNeverAppearInToString() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqp://alice:hunter2@mq:5672/")
        .credentials("bob", "hunter3").build();

    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertFalse(config.toString().contains("hunter3"), config.toString());
    assertFalse(config.toString().contains("alice"), config.toString());
  }

  @Test
  void instancesGetTheirOwnIdsUnlessOneIsSet() {
    assertNotEquals(AmqpBridgeConfig.builder().build().instanceId(), AmqpBridgeConfig.builder().build().instanceId());
    assertEquals("purista-x1", AmqpBridgeConfig.builder().instanceId("x1").build().connectionName());
  }

  @Test
  void aHeartbeatTheProtocolCannotCarryFailsNamingTheSmallestValue() {
    IllegalArgumentException subSecond = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_HEARTBEAT", "500ms")));
    IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.builder().heartbeat(Duration.ofMillis(1500)));
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.builder().heartbeat(Duration.ofSeconds(65_536)));

    assertEquals("PURISTA_AMQP_HEARTBEAT='500ms' is invalid: heartbeat is sent in whole seconds and must be 0 "
        + "(turns heartbeats off) or whole seconds from 1s to 65535s: 500ms, which would be cut to 0s",
        subSecond.getMessage());
    assertTrue(fraction.getMessage().contains("from 1s") && fraction.getMessage().contains("cut to 1s"),
        fraction.getMessage());
    assertTrue(tooLong.getMessage().contains("to 65535s"), tooLong.getMessage());
    assertEquals(Duration.ZERO, AmqpBridgeConfig.builder().heartbeat(Duration.ZERO).build().heartbeat());
  }

  @Test
  void everyDurationAndPortIsCheckedWhereItIsSet() {
    Map<String, String> refused = Map.of(
        "PURISTA_AMQP_CONNECT_TIMEOUT", "0s",
        "PURISTA_AMQP_RECONNECT_DELAY", "0ms",
        "PURISTA_AMQP_COMMAND_TIMEOUT", "-1s",
        "PURISTA_AMQP_RETRY_DELAY", "-5ms",
        "PURISTA_AMQP_STOP_TIMEOUT", "-1s",
        "PURISTA_AMQP_URL", "amqp://mq:70000",
        "PURISTA_AMQP_MAX_ATTEMPTS", "0");
    refused.forEach((variable, value) -> {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> AmqpBridgeConfig.fromEnvironment(Map.of(variable, value)), variable);
      assertTrue(error.getMessage().startsWith(variable + "='" + value + "' is invalid: "), error.getMessage());
    });
    assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.builder().connectTimeout(Duration.ofDays(30)));
    assertEquals(Duration.ZERO, AmqpBridgeConfig.builder().retryDelay(Duration.ZERO).build().retryDelay());
  }

  @Test
  void tlsSettingsTurnTlsOnAndMoveTheDefaultPort() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqp://mq.example.com")
        .tls(dev.purista.core.spi.support.Tls.jvmDefaults()).build();

    ConnectionFactory factory = new AmqpConnector(config).factory();

    assertTrue(factory.isSSL());
    assertEquals(5671, factory.getPort());
    assertEquals(5672, AmqpBridgeConfig.builder().url("amqp://mq.example.com").build().port());
  }

  @Test
  void aUserNameWithoutAPasswordFailsNamingBothVariables() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_USERNAME", "svc")));

    assertTrue(error.getMessage().startsWith("PURISTA_AMQP_USERNAME and PURISTA_AMQP_PASSWORD go together"),
        error.getMessage());
  }
}
