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
    assertEquals(3, config.maxRetries());
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
        Map.entry("PURISTA_AMQP_MAX_RETRIES", "5"),
        Map.entry("PURISTA_AMQP_RETRY_DELAY", "250ms"),
        Map.entry("PURISTA_AMQP_COMMAND_TIMEOUT", "1500ms"),
        Map.entry("PURISTA_AMQP_INSTANCE_ID", "pod-7"),
        Map.entry("PURISTA_AMQP_CONNECTION_NAME", "orders-pod-7"),
        Map.entry("PURISTA_AMQP_CONNECT_TIMEOUT", "2s"),
        Map.entry("PURISTA_AMQP_HEARTBEAT", "30s"),
        Map.entry("PURISTA_AMQP_RECOVERY_INTERVAL", "PT3S"),
        Map.entry("PURISTA_AMQP_DRAIN_TIMEOUT", "4s")));

    assertEquals("broker.internal", config.url().getHost());
    assertEquals("svc", config.username().orElseThrow());
    assertEquals("s3cret", config.password().orElseThrow());
    assertEquals("shop", config.exchange());
    assertEquals("shop-q", config.namePrefix());
    assertEquals(25, config.prefetch());
    assertEquals(5, config.maxRetries());
    assertEquals(Duration.ofMillis(250), config.retryDelay());
    assertEquals(Duration.ofMillis(1500), config.defaultCommandTimeout());
    assertEquals("pod-7", config.instanceId());
    assertEquals("orders-pod-7", config.connectionName());
    assertEquals(Duration.ofSeconds(2), config.connectTimeout());
    assertEquals(Duration.ofSeconds(30), config.heartbeat());
    assertEquals(Duration.ofSeconds(3), config.recoveryInterval());
    assertEquals(Duration.ofSeconds(4), config.drainTimeout());
  }

  @Test
  void theConnectionFactoryGetsHostVhostAndCredentials() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqp://alice:fromurl@mq:5673/prod")
        .password("override").build();

    ConnectionFactory factory = new AmqpConnector(config).factory();

    assertEquals("mq", factory.getHost());
    assertEquals(5673, factory.getPort());
    assertEquals("prod", factory.getVirtualHost());
    assertEquals("alice", factory.getUsername());
    assertEquals("override", factory.getPassword(), "a separate password wins over the URL's");
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
    assertTrue(timeout.getMessage().contains("must be positive"), timeout.getMessage());
    assertTrue(bareNumber.getMessage().startsWith("PURISTA_AMQP_HEARTBEAT='30'"), bareNumber.getMessage());
    assertTrue(bareNumber.getMessage().contains("add one, such as 30ms or 30s"), bareNumber.getMessage());
  }

  @Test
  void aVariableStillOnItsOldNameStopsTheStart() {
    AmqpEnvironment.RENAMED.forEach((oldSuffix, newSuffix) -> {
      IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
          () -> AmqpBridgeConfig.fromEnvironment(Map.of("PURISTA_AMQP_" + oldSuffix, "1000")));

      assertEquals("PURISTA_AMQP_" + oldSuffix + " was renamed to PURISTA_AMQP_" + newSuffix
          + ", a duration such as 30s", renamed.getMessage());
    });
    assertEquals("PURISTA_AMQP_COMMAND_TIMEOUT_MS was renamed to PURISTA_AMQP_COMMAND_TIMEOUT, a duration such as 30s",
        assertThrows(IllegalArgumentException.class, () -> AmqpBridgeConfig.fromEnvironment(
            Map.of("PURISTA_AMQP_COMMAND_TIMEOUT_MS", "1500"))).getMessage());
  }

  @Test
  void credentialsNeverAppearInToString() {
    AmqpBridgeConfig config = AmqpBridgeConfig.builder().url("amqp://alice:hunter2@mq:5672/")
        .password("hunter3").build();

    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertFalse(config.toString().contains("hunter3"), config.toString());
    assertFalse(config.toString().contains("alice"), config.toString());
  }

  @Test
  void instancesGetTheirOwnIdsUnlessOneIsSet() {
    assertNotEquals(AmqpBridgeConfig.builder().build().instanceId(), AmqpBridgeConfig.builder().build().instanceId());
    assertEquals("purista-x1", AmqpBridgeConfig.builder().instanceId("x1").build().connectionName());
  }
}
