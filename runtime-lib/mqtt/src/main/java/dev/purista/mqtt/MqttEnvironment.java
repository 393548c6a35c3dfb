package dev.purista.mqtt;

import dev.purista.core.spi.support.EnvironmentSettings;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code PURISTA_MQTT_*} variables and the setting each one sets; docs/bridges/mqtt.md lists them with their
 * defaults. {@code PURISTA_MQTT_URL} is applied first, so that a single setting ({@code PURISTA_MQTT_PORT}, say)
 * can override one part of it. Parsing and error messages are the shared {@link EnvironmentSettings}, so a typo in
 * a deployment is found at start and not at the first message.
 */
final class MqttEnvironment {
  static final String PREFIX = "PURISTA_MQTT_";

  private MqttEnvironment() {
  }

  /** Old names, new names: the retry bound has the same name, and counts the same way, on every bridge. */
  static final Map<String, String> RENAMED = Map.of("MAX_RETRIES", "MAX_ATTEMPTS");

  static void apply(Function<String, String> environment, MqttBridgeConfig.Builder builder) {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, environment);
    RENAMED.forEach(env::renamed);
    env.text("URL", builder::url);
    env.text("HOST", builder::host);
    env.integer("PORT", builder::port);
    env.bool("TLS", builder::tls);
    // MQTT allows a user name alone: it goes with an empty password, which is not sent.
    env.credentials((username, password) -> builder.credentials(username, password == null ? "" : password));
    env.text("TOPIC_PREFIX", builder::topicPrefix);
    env.text("SHARE_GROUP", builder::shareGroup);
    env.text("INSTANCE_ID", builder::instanceId);
    env.text("CLIENT_ID", builder::clientId);
    env.duration("SESSION_EXPIRY", builder::sessionExpiry);
    env.integer("NON_DURABLE_QOS", builder::nonDurableQos);
    env.integer("MAX_ATTEMPTS", builder::maxAttempts);
    env.duration("RETRY_DELAY", builder::retryDelay);
    env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);
    env.duration("EVENT_EXPIRY", builder::eventExpiry);
    env.duration("CONNECT_TIMEOUT", builder::connectTimeout);
    env.duration("KEEP_ALIVE", builder::keepAlive);
    env.duration("RECONNECT_DELAY", builder::reconnectDelay);
    env.duration("RECONNECT_MAX_DELAY", builder::reconnectMaxDelay);
    env.duration("STOP_TIMEOUT", builder::stopTimeout);
    env.duration("RESTART_HOLD", builder::restartHold);
    env.duration("SHARED_RENEWAL", builder::sharedRenewal);
  }
}
