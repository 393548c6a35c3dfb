package dev.purista.nats;

import dev.purista.core.spi.support.EnvironmentSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code PURISTA_NATS_*} variables and the {@link NatsBridgeConfig} setting each one sets, so that a
 * deployment configures the broker without code. Every variable is optional. Parsing and error messages are the
 * shared {@link EnvironmentSettings}: a bad value fails with the variable's name, because a typo silently replaced
 * by a default is found only in production. Durations take a unit: {@code 250ms}, {@code 30s}, {@code 2m}, or
 * ISO-8601 such as {@code PT30S}.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PURISTA_NATS_URL}</td><td>server URLs, comma-separated ({@code nats://} or {@code tls://})</td></tr>
 *   <tr><td>{@code PURISTA_NATS_USERNAME}, {@code PURISTA_NATS_PASSWORD}</td><td>user name and password</td></tr>
 *   <tr><td>{@code PURISTA_NATS_TOKEN}</td><td>token</td></tr>
 *   <tr><td>{@code PURISTA_NATS_CREDENTIALS}</td><td>path of a {@code .creds} file</td></tr>
 *   <tr><td>{@code PURISTA_NATS_SUBJECT_PREFIX}, {@code PURISTA_NATS_EMPTY_SUBJECT_PART}</td><td>subjects</td></tr>
 *   <tr><td>{@code PURISTA_NATS_STREAM}, {@code PURISTA_NATS_DEAD_LETTER_STREAM},
 *       {@code PURISTA_NATS_STREAM_REPLICAS}, {@code PURISTA_NATS_EVENT_MAX_AGE},
 *       {@code PURISTA_NATS_DEAD_LETTER_MAX_AGE}</td><td>JetStream streams</td></tr>
 *   <tr><td>{@code PURISTA_NATS_MAX_ATTEMPTS}, {@code PURISTA_NATS_MAX_ACK_PENDING},
 *       {@code PURISTA_NATS_ACK_WAIT},
 *       {@code PURISTA_NATS_RETRY_DELAY}, {@code PURISTA_NATS_CONSUMER_INACTIVE_THRESHOLD},
 *       {@code PURISTA_NATS_DURABLE_FALLBACK}</td><td>durable subscriptions</td></tr>
 *   <tr><td>{@code PURISTA_NATS_COMMAND_TIMEOUT}, {@code PURISTA_NATS_INSTANCE_ID},
 *       {@code PURISTA_NATS_RECONNECT_DELAY}, {@code PURISTA_NATS_CONNECT_TIMEOUT},
 *       {@code PURISTA_NATS_STOP_TIMEOUT}</td><td>connection and lifecycle</td></tr>
 * </table>
 */
final class NatsEnvironment {
  static final String PREFIX = "PURISTA_NATS_";

  /**
   * Old names, new names. Durations were bare milliseconds with the unit in the name; they now carry their unit
   * in the value ({@code 30s}). The command timeout, the stop, connect and reconnect waits, the retry bound and the
   * user name have the same names on every bridge. A deployment still on an old name fails instead of quietly
   * running on the default.
   */
  static final Map<String, String> RENAMED = Map.ofEntries(
      Map.entry("EVENT_MAX_AGE_MS", "EVENT_MAX_AGE"),
      Map.entry("DEAD_LETTER_MAX_AGE_MS", "DEAD_LETTER_MAX_AGE"),
      Map.entry("ACK_WAIT_MS", "ACK_WAIT"),
      Map.entry("RETRY_DELAY_MS", "RETRY_DELAY"),
      Map.entry("CONSUMER_INACTIVE_THRESHOLD_MS", "CONSUMER_INACTIVE_THRESHOLD"),
      Map.entry("DEFAULT_COMMAND_TIMEOUT_MS", "COMMAND_TIMEOUT"),
      Map.entry("RECONNECT_WAIT_MS", "RECONNECT_DELAY"),
      Map.entry("RECONNECT_WAIT", "RECONNECT_DELAY"),
      Map.entry("CONNECTION_TIMEOUT_MS", "CONNECT_TIMEOUT"),
      Map.entry("CONNECTION_TIMEOUT", "CONNECT_TIMEOUT"),
      Map.entry("STOP_GRACE_MS", "STOP_TIMEOUT"),
      Map.entry("STOP_GRACE", "STOP_TIMEOUT"),
      Map.entry("MAX_DELIVERIES", "MAX_ATTEMPTS"),
      Map.entry("USER", "USERNAME"));

  private NatsEnvironment() {
  }

  static NatsBridgeConfig.Builder read(Function<String, String> environment, NatsBridgeConfig.Builder builder) {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, environment);
    RENAMED.forEach(env::renamed);
    env.text("URL", value -> builder.urls(Arrays.stream(value.split(",")).map(String::trim)
        .filter(url -> !url.isEmpty()).toArray(String[]::new)));
    env.credentials(builder::credentials);
    env.text("TOKEN", builder::token);
    env.text("CREDENTIALS", value -> builder.credentialsFile(Path.of(value)));
    env.text("SUBJECT_PREFIX", builder::subjectPrefix);
    env.text("EMPTY_SUBJECT_PART", builder::emptySubjectPart);
    env.text("STREAM", builder::streamName);
    env.text("DEAD_LETTER_STREAM", builder::deadLetterStreamName);
    env.integer("STREAM_REPLICAS", builder::streamReplicas);
    env.duration("EVENT_MAX_AGE", builder::eventMaxAge);
    env.duration("DEAD_LETTER_MAX_AGE", builder::deadLetterMaxAge);
    env.integer("MAX_ATTEMPTS", builder::maxAttempts);
    env.integer("MAX_ACK_PENDING", builder::maxAckPending);
    env.duration("ACK_WAIT", builder::ackWait);
    env.duration("RETRY_DELAY", builder::retryDelay);
    env.duration("CONSUMER_INACTIVE_THRESHOLD", builder::consumerInactiveThreshold);
    env.bool("DURABLE_FALLBACK", builder::durableFallback);
    env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);
    env.text("INSTANCE_ID", builder::instanceId);
    env.duration("RECONNECT_DELAY", builder::reconnectDelay);
    env.duration("CONNECT_TIMEOUT", builder::connectTimeout);
    env.duration("STOP_TIMEOUT", builder::stopTimeout);
    return builder;
  }
}
