package dev.purista.amqp;

import dev.purista.core.spi.support.EnvironmentSettings;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code PURISTA_AMQP_*} variables and the setting each one sets; {@link AmqpBridgeConfig} documents them in
 * its table. Parsing and error messages are the shared {@link EnvironmentSettings}, so that every bridge reads its
 * variables the same way.
 */
final class AmqpEnvironment {
  /**
   * Old names, new names. Durations once were bare numbers with the unit in the name; they now carry their unit
   * in the value ({@code 30s}). The stop wait, the reconnect wait and the retry bound now have the same names on
   * every bridge. A deployment still on an old name fails instead of quietly running on the default.
   */
  static final Map<String, String> RENAMED = Map.ofEntries(
      Map.entry("RETRY_DELAY_MS", "RETRY_DELAY"),
      Map.entry("COMMAND_TIMEOUT_MS", "COMMAND_TIMEOUT"),
      Map.entry("CONNECT_TIMEOUT_MS", "CONNECT_TIMEOUT"),
      Map.entry("HEARTBEAT_SECONDS", "HEARTBEAT"),
      Map.entry("RECOVERY_INTERVAL_MS", "RECONNECT_DELAY"),
      Map.entry("RECOVERY_INTERVAL", "RECONNECT_DELAY"),
      Map.entry("DRAIN_TIMEOUT_MS", "STOP_TIMEOUT"),
      Map.entry("DRAIN_TIMEOUT", "STOP_TIMEOUT"),
      Map.entry("MAX_RETRIES", "MAX_ATTEMPTS"));

  private AmqpEnvironment() {
  }

  static AmqpBridgeConfig.Builder read(Function<String, String> environment, AmqpBridgeConfig.Builder builder) {
    EnvironmentSettings env = new EnvironmentSettings(AmqpBridgeConfig.ENV_PREFIX, environment);
    RENAMED.forEach(env::renamed);
    env.text("URL", builder::url);
    env.credentials(builder::credentials);
    env.text("EXCHANGE", builder::exchange);
    env.text("NAME_PREFIX", builder::namePrefix);
    env.integer("PREFETCH", builder::prefetch);
    env.integer("MAX_ATTEMPTS", builder::maxAttempts);
    env.duration("RETRY_DELAY", builder::retryDelay);
    env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);
    env.text("INSTANCE_ID", builder::instanceId);
    env.text("CONNECTION_NAME", builder::connectionName);
    env.duration("CONNECT_TIMEOUT", builder::connectTimeout);
    env.duration("HEARTBEAT", builder::heartbeat);
    env.duration("RECONNECT_DELAY", builder::reconnectDelay);
    env.duration("STOP_TIMEOUT", builder::stopTimeout);
    return builder;
  }
}
