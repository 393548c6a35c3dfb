package dev.purista.mqtt;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the {@code PURISTA_MQTT_*} variables into a config builder. {@code PURISTA_MQTT_URL} is applied first, so
 * that a single setting ({@code PURISTA_MQTT_PORT}, say) can override one part of it. A value that does not parse
 * fails with the variable's name, so a typo in a deployment is found at start and not at the first message.
 */
final class EnvironmentSettings {
  static final String PREFIX = "PURISTA_MQTT_";

  private EnvironmentSettings() {
  }

  static void apply(Map<String, String> environment, MqttBridgeConfig.Builder builder) {
    Reader env = new Reader(environment);
    env.text("URL", builder::url);
    env.text("HOST", builder::host);
    env.integer("PORT", builder::port);
    env.bool("TLS", builder::tls);
    env.text("USERNAME", builder::username);
    env.text("PASSWORD", builder::password);
    env.text("TOPIC_PREFIX", builder::topicPrefix);
    env.text("SHARE_GROUP", builder::shareGroup);
    env.text("INSTANCE_ID", builder::instanceId);
    env.text("CLIENT_ID", builder::clientId);
    env.duration("SESSION_EXPIRY", builder::sessionExpiry);
    env.integer("NON_DURABLE_QOS", builder::nonDurableQos);
    env.integer("MAX_RETRIES", builder::maxRetries);
    env.duration("RETRY_DELAY", builder::retryDelay);
    env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);
    env.duration("EVENT_EXPIRY", builder::eventExpiry);
    env.duration("CONNECT_TIMEOUT", builder::connectTimeout);
    env.duration("KEEP_ALIVE", builder::keepAlive);
    env.duration("RECONNECT_DELAY", builder::reconnectDelay);
    env.duration("RECONNECT_MAX_DELAY", builder::reconnectMaxDelay);
    env.duration("STOP_TIMEOUT", builder::stopTimeout);
  }

  /** Looks variables up and reports a bad value with its name. */
  private static final class Reader {
    private final Map<String, String> environment;

    Reader(Map<String, String> environment) {
      this.environment = environment;
    }

    void text(String name, Consumer<String> setter) {
      String value = environment.get(PREFIX + name);
      if (value == null || value.isBlank()) {
        return;
      }
      try {
        setter.accept(value.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + name + ": " + e.getMessage(), e);
      }
    }

    void integer(String name, Consumer<Integer> setter) {
      text(name, value -> {
        int number;
        try {
          number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
        }
        setter.accept(number);
      });
    }

    void bool(String name, Consumer<Boolean> setter) {
      text(name, value -> {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        }
        setter.accept(Boolean.parseBoolean(lower));
      });
    }

    void duration(String name, Consumer<Duration> setter) {
      String value = environment.get(PREFIX + name);
      if (value == null || value.isBlank()) {
        return;
      }
      Duration duration = Durations.parse(PREFIX + name, value);
      text(name, ignored -> setter.accept(duration));
    }
  }
}
