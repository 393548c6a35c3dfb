package dev.purista.amqp;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the {@code PURISTA_AMQP_*} variables into a config builder. A bad value fails naming its variable,
 * because "For input string: abc" alone does not tell an operator which of fifteen variables to fix.
 */
final class EnvironmentReader {
  private final Function<String, String> environment;

  EnvironmentReader(Function<String, String> environment) {
    this.environment = environment;
  }

  AmqpBridgeConfig.Builder read(AmqpBridgeConfig.Builder builder) {
    text("URL", builder::url);
    text("USERNAME", builder::username);
    text("PASSWORD", builder::password);
    text("EXCHANGE", builder::exchange);
    text("NAME_PREFIX", builder::namePrefix);
    number("PREFETCH", value -> builder.prefetch(Math.toIntExact(value)));
    number("MAX_RETRIES", value -> builder.maxRetries(Math.toIntExact(value)));
    number("RETRY_DELAY_MS", value -> builder.retryDelay(Duration.ofMillis(value)));
    number("COMMAND_TIMEOUT_MS", value -> builder.defaultCommandTimeout(Duration.ofMillis(value)));
    text("INSTANCE_ID", builder::instanceId);
    text("CONNECTION_NAME", builder::connectionName);
    number("CONNECT_TIMEOUT_MS", value -> builder.connectTimeout(Duration.ofMillis(value)));
    number("HEARTBEAT_SECONDS", value -> builder.heartbeat(Duration.ofSeconds(value)));
    number("RECOVERY_INTERVAL_MS", value -> builder.recoveryInterval(Duration.ofMillis(value)));
    number("DRAIN_TIMEOUT_MS", value -> builder.drainTimeout(Duration.ofMillis(value)));
    return builder;
  }

  private void text(String suffix, Consumer<String> setter) {
    String name = AmqpBridgeConfig.ENV_PREFIX + suffix;
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      setter.accept(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private void number(String suffix, Consumer<Long> setter) {
    String name = AmqpBridgeConfig.ENV_PREFIX + suffix;
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      return;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
    try {
      setter.accept(parsed);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
