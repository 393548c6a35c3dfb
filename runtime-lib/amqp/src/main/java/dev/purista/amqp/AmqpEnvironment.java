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
   * Old names, new names. Durations once were bare numbers in milliseconds here and in seconds there; they now
   * carry their unit in the value ({@code 30s}), and a deployment still on an old name fails instead of quietly
   * running on the default.
   */
  static final Map<String, String> RENAMED = Map.of(
      "RETRY_DELAY_MS", "RETRY_DELAY",
      "COMMAND_TIMEOUT_MS", "COMMAND_TIMEOUT",
      "CONNECT_TIMEOUT_MS", "CONNECT_TIMEOUT",
      "HEARTBEAT_SECONDS", "HEARTBEAT",
      "RECOVERY_INTERVAL_MS", "RECOVERY_INTERVAL",
      "DRAIN_TIMEOUT_MS", "DRAIN_TIMEOUT");

  private AmqpEnvironment() {
  }

  static AmqpBridgeConfig.Builder read(Function<String, String> environment, AmqpBridgeConfig.Builder builder) {
    EnvironmentSettings env = new EnvironmentSettings(AmqpBridgeConfig.ENV_PREFIX, environment);
    RENAMED.forEach(env::renamed);
    env.text("URL", builder::url);
    env.text("USERNAME", builder::username);
    env.text("PASSWORD", builder::password);
    env.text("EXCHANGE", builder::exchange);
    env.text("NAME_PREFIX", builder::namePrefix);
    env.integer("PREFETCH", builder::prefetch);
    env.integer("MAX_RETRIES", builder::maxRetries);
    env.duration("RETRY_DELAY", builder::retryDelay);
    env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);
    env.text("INSTANCE_ID", builder::instanceId);
    env.text("CONNECTION_NAME", builder::connectionName);
    env.duration("CONNECT_TIMEOUT", builder::connectTimeout);
    env.duration("HEARTBEAT", builder::heartbeat);
    env.duration("RECOVERY_INTERVAL", builder::recoveryInterval);
    env.duration("DRAIN_TIMEOUT", builder::drainTimeout);
    return builder;
  }
}
