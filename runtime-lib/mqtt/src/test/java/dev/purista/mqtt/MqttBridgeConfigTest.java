package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.spi.support.Tls;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from code, URLs and the environment. */
class MqttBridgeConfigTest {

  @Test
  void defaultsFollowPurista() {
    MqttBridgeConfig config = MqttBridgeConfig.builder().build();

    assertEquals("localhost", config.host());
    assertEquals(1883, config.port());
    assertFalse(config.tls());
    assertEquals("purista", config.topicPrefix());
    assertEquals("sharedpurista", config.shareGroup());
    assertEquals(Duration.ofSeconds(30), config.defaultCommandTimeout());
    assertEquals(4, config.maxAttempts(), "the first delivery and three retries, as on every bridge");
    assertEquals("purista-" + config.instanceId(), config.clientId());
    assertFalse(config.sessionsResumable());
    assertEquals(MqttBridgeConfig.MADE_UP_SESSION_EXPIRY, config.sessionExpiry());
    assertEquals(Duration.ofSeconds(10), config.restartHold());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.builder().restartHold(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().contains("restartHold"), negative.getMessage());
    assertEquals(Duration.ofSeconds(1), config.sharedRenewal());
    IllegalArgumentException negativeRenewal = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.builder().sharedRenewal(Duration.ofSeconds(-1)));
    assertTrue(negativeRenewal.getMessage().contains("sharedRenewal"), negativeRenewal.getMessage());
    assertEquals(Duration.ofDays(24), config.eventExpiry(), "below the 24.8 days beyond which Artemis drops events");
  }

  @Test
  void aGivenClientIdMakesSessionsResumableWithALongerExpiry() {
    MqttBridgeConfig config = MqttBridgeConfig.builder().clientId("orders-0").build();

    assertTrue(config.sessionsResumable());
    assertEquals("orders-0", config.clientId());
    assertEquals(MqttBridgeConfig.RESUMABLE_SESSION_EXPIRY, config.sessionExpiry());
    assertEquals(Duration.ofHours(2), config.toBuilder().sessionExpiry(Duration.ofHours(2)).build().sessionExpiry());
  }

  @Test
  void urlSchemesChooseTlsAndDefaultPorts() {
    assertEquals(new BrokerUrl("broker", 0, false, null, null), BrokerUrl.parse("mqtt://broker"));
    assertEquals(new BrokerUrl("broker", 1884, false, null, null), BrokerUrl.parse("tcp://broker:1884"));
    assertEquals(new BrokerUrl("broker", 0, true, null, null), BrokerUrl.parse("mqtts://broker"));
    assertEquals(new BrokerUrl("broker", 8884, true, null, null), BrokerUrl.parse("ssl://broker:8884"));
    assertEquals(new BrokerUrl("broker", 0, true, null, null), BrokerUrl.parse("tls://broker"));
    assertEquals(new BrokerUrl("broker", 0, false, "ann", "p@ss:word"),
        BrokerUrl.parse("mqtt://ann:p%40ss%3Aword@broker"));
    assertEquals(1883, MqttBridgeConfig.builder().url("mqtt://broker").build().port());
    assertEquals(8883, MqttBridgeConfig.builder().url("mqtts://broker").build().port());
    assertEquals(1884, MqttBridgeConfig.builder().url("tcp://broker:1884").tls(true).build().port(),
        "a port of the URL's own stays");
  }

  @Test
  void aBadUrlIsRefusedWithoutShowingItsPassword() {
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> BrokerUrl.parse("http://ann:hunter2@broker"));
    assertTrue(scheme.getMessage().contains("scheme"), scheme.getMessage());
    assertFalse(scheme.getMessage().contains("hunter2"), scheme.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("mqtt://"));
    IllegalArgumentException fromEnvironment = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_URL", "http://ann:hunter2@broker")));
    assertTrue(fromEnvironment.getMessage().startsWith("PURISTA_MQTT_URL='http://ann:***@broker'"),
        fromEnvironment.getMessage());
    assertFalse(fromEnvironment.getMessage().contains("hunter2"), fromEnvironment.getMessage());
  }

  @Test
  void theEnvironmentSetsEverySetting() {
    MqttBridgeConfig config = MqttBridgeConfig.fromEnvironment(Map.ofEntries(
        Map.entry("PURISTA_MQTT_URL", "mqtts://ann:secret@broker.example:8884"),
        Map.entry("PURISTA_MQTT_TOPIC_PREFIX", "shop"),
        Map.entry("PURISTA_MQTT_SHARE_GROUP", "shopgroup"),
        Map.entry("PURISTA_MQTT_INSTANCE_ID", "i-1"),
        Map.entry("PURISTA_MQTT_CLIENT_ID", "orders-1"),
        Map.entry("PURISTA_MQTT_SESSION_EXPIRY", "2h"),
        Map.entry("PURISTA_MQTT_NON_DURABLE_QOS", "0"),
        Map.entry("PURISTA_MQTT_MAX_ATTEMPTS", "5"),
        Map.entry("PURISTA_MQTT_RETRY_DELAY", "250ms"),
        Map.entry("PURISTA_MQTT_COMMAND_TIMEOUT", "PT12S"),
        Map.entry("PURISTA_MQTT_EVENT_EXPIRY", "7d"),
        Map.entry("PURISTA_MQTT_CONNECT_TIMEOUT", "3s"),
        Map.entry("PURISTA_MQTT_KEEP_ALIVE", "20s"),
        Map.entry("PURISTA_MQTT_RECONNECT_DELAY", "50ms"),
        Map.entry("PURISTA_MQTT_RECONNECT_MAX_DELAY", "2s"),
        Map.entry("PURISTA_MQTT_STOP_TIMEOUT", "4s"),
        Map.entry("PURISTA_MQTT_RESTART_HOLD", "0s"),
        Map.entry("PURISTA_MQTT_SHARED_RENEWAL", "0s")));

    assertEquals("broker.example", config.host());
    assertEquals(8884, config.port());
    assertTrue(config.tls());
    assertEquals("ann", config.credentials().orElseThrow().username());
    assertEquals("secret", config.credentials().orElseThrow().password());
    assertEquals("shop", config.topicPrefix());
    assertEquals("shopgroup", config.shareGroup());
    assertEquals("i-1", config.instanceId());
    assertEquals("orders-1", config.clientId());
    assertEquals(Duration.ofHours(2), config.sessionExpiry());
    assertEquals(0, config.nonDurableQos());
    assertEquals(5, config.maxAttempts());
    assertEquals(Duration.ofMillis(250), config.retryDelay());
    assertEquals(Duration.ofSeconds(12), config.defaultCommandTimeout());
    assertEquals(Duration.ofDays(7), config.eventExpiry());
    assertEquals(Duration.ofSeconds(3), config.connectTimeout());
    assertEquals(Duration.ofSeconds(20), config.keepAlive());
    assertEquals(Duration.ofMillis(50), config.reconnectDelay());
    assertEquals(Duration.ofSeconds(2), config.reconnectMaxDelay());
    assertEquals(Duration.ofSeconds(4), config.stopTimeout());
    assertEquals(Duration.ZERO, config.restartHold());
    assertEquals(Duration.ZERO, config.sharedRenewal());
    assertFalse(config.toString().contains("secret"), config.toString());
  }

  @Test
  void singleSettingsOverrideTheUrl() {
    MqttBridgeConfig config = MqttBridgeConfig.fromEnvironment(Map.of(
        "PURISTA_MQTT_URL", "mqtt://broker:1883", "PURISTA_MQTT_PORT", "1999", "PURISTA_MQTT_TLS", "true"));

    assertEquals("broker", config.host());
    assertEquals(1999, config.port());
    assertTrue(config.tls());
  }

  @Test
  void aBadValueNamesItsVariable() {
    IllegalArgumentException bareNumber = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_SESSION_EXPIRY", "3600")));
    assertTrue(bareNumber.getMessage().startsWith("PURISTA_MQTT_SESSION_EXPIRY='3600'"), bareNumber.getMessage());
    assertTrue(bareNumber.getMessage().contains("add one, such as 3600ms or 3600s"), bareNumber.getMessage());
    IllegalArgumentException qos = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_NON_DURABLE_QOS", "2")));
    assertTrue(qos.getMessage().startsWith("PURISTA_MQTT_NON_DURABLE_QOS"), qos.getMessage());
    IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_TOPIC_PREFIX", "a/b")));
    assertTrue(prefix.getMessage().contains("'/'"), prefix.getMessage());
    IllegalArgumentException tls = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_TLS", "yes")));
    assertEquals("PURISTA_MQTT_TLS='yes' is invalid: expected true or false", tls.getMessage());
  }

  @Test
  void thePortFollowsTheTlsSwitchWhenTheUrlHasNone() {
    MqttBridgeConfig config = MqttBridgeConfig.fromEnvironment(Map.of(
        "PURISTA_MQTT_URL", "mqtt://broker", "PURISTA_MQTT_TLS", "true"));

    assertTrue(config.tls());
    assertEquals(8883, config.port());
    assertEquals(8883, MqttBridgeConfig.builder().url("mqtt://broker").tls(Tls.jvmDefaults()).build().port());
    assertEquals(1883, MqttBridgeConfig.builder().url("mqtts://broker").tls(false).build().port());
  }

  @Test
  void intervalsMqttSendsInWholeSecondsFailNamingTheSmallestValue() {
    IllegalArgumentException keepAlive = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_KEEP_ALIVE", "500ms")));
    IllegalArgumentException sessionExpiry = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_SESSION_EXPIRY", "250ms")));
    IllegalArgumentException eventExpiry = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.builder().eventExpiry(Duration.ofMillis(1500)));
    IllegalArgumentException keepAliveTooLong = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.builder().keepAlive(Duration.ofSeconds(65_536)));

    assertEquals("PURISTA_MQTT_KEEP_ALIVE='500ms' is invalid: keepAlive is sent in whole seconds and must be whole "
        + "seconds from 1s to 65535s: 500ms, which would be cut to 0s", keepAlive.getMessage());
    assertTrue(sessionExpiry.getMessage().startsWith("PURISTA_MQTT_SESSION_EXPIRY='250ms' is invalid: "
        + "sessionExpiry is sent in whole seconds and must be whole seconds from 1s"), sessionExpiry.getMessage());
    assertTrue(eventExpiry.getMessage().contains("cut to 1s"), eventExpiry.getMessage());
    assertTrue(keepAliveTooLong.getMessage().contains("to 65535s"), keepAliveTooLong.getMessage());
  }

  @Test
  void everyOtherDurationAndPortIsCheckedWhereItIsSet() {
    Map<String, String> refused = Map.of(
        "PURISTA_MQTT_CONNECT_TIMEOUT", "0s",
        "PURISTA_MQTT_RECONNECT_DELAY", "0ms",
        "PURISTA_MQTT_COMMAND_TIMEOUT", "0ms",
        "PURISTA_MQTT_RETRY_DELAY", "-5ms",
        "PURISTA_MQTT_STOP_TIMEOUT", "-1s",
        "PURISTA_MQTT_PORT", "70000",
        "PURISTA_MQTT_URL", "mqtt://broker:0",
        "PURISTA_MQTT_MAX_ATTEMPTS", "0");
    refused.forEach((variable, value) -> {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> MqttBridgeConfig.fromEnvironment(Map.of(variable, value)), variable);
      assertTrue(error.getMessage().startsWith(variable + "='" + value + "' is invalid: "), error.getMessage());
    });
  }

  @Test
  void oldVariableNamesStopTheStartNamingTheNewOne() {
    IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_MAX_RETRIES", "3")));

    assertEquals("PURISTA_MQTT_MAX_RETRIES was renamed to PURISTA_MQTT_MAX_ATTEMPTS, a whole number",
        renamed.getMessage());
  }

  @Test
  void aPasswordWithoutAUserNameFailsAndAUserNameAloneSendsNoPassword() {
    IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
        () -> MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_PASSWORD", "hunter2")));
    MqttBridgeConfig userOnly = MqttBridgeConfig.fromEnvironment(Map.of("PURISTA_MQTT_USERNAME", "ann"));

    assertTrue(alone.getMessage().contains("PURISTA_MQTT_USERNAME and PURISTA_MQTT_PASSWORD go together"),
        alone.getMessage());
    assertFalse(alone.getMessage().contains("hunter2"), alone.getMessage());
    assertEquals("", userOnly.credentials().orElseThrow().password());
  }
}
