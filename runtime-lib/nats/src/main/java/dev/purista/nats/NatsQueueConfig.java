package dev.purista.nats;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.core.spi.support.SettingChecks;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@link NatsQueueBridge} keeps its queues: the server and its credentials as for the bridge ({@link
 * NatsBridgeConfig}: {@code PURISTA_NATS_URL}, {@code PURISTA_NATS_TOKEN}, TLS, ...) and a name from which the
 * streams and buckets are named ({@code PURISTA_NATS_QUEUE_NAME}, default {@code purista_queues}):
 *
 * <table>
 *   <caption>What the name {@code N} makes</caption>
 *   <tr><th>what</th><th>NATS name</th></tr>
 *   <tr><td>jobs stream (work queue)</td><td>{@code N} on subjects {@code N.<queue>}</td></tr>
 *   <tr><td>dead-letter stream</td><td>{@code N_dead} on subjects {@code N_dead.<queue>}</td></tr>
 *   <tr><td>job records (key-value)</td><td>bucket {@code N_jobs}</td></tr>
 *   <tr><td>idempotency keys (key-value)</td><td>bucket {@code N_keys}</td></tr>
 * </table>
 */
public final class NatsQueueConfig {
  /** The name unless set. */
  public static final String DEFAULT_NAME = "purista_queues";

  private final NatsBridgeConfig connection;
  private final String name;

  private NatsQueueConfig(NatsBridgeConfig connection, String name) {
    this.connection = Objects.requireNonNull(connection, "connection == null");
    this.name = checkedName(name);
  }

  /** Queues on the server of {@code connection}, under the default name. */
  public static NatsQueueConfig of(NatsBridgeConfig connection) {
    return new NatsQueueConfig(connection, DEFAULT_NAME);
  }

  /** Settings from this process's environment. */
  public static NatsQueueConfig fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /** Settings from the variables {@code environment} looks up; a bad value fails naming its variable. */
  public static NatsQueueConfig fromEnvironment(Function<String, String> environment) {
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_NATS_", environment);
    String[] name = {DEFAULT_NAME};
    env.text("QUEUE_NAME", value -> name[0] = checkedName(value));
    return new NatsQueueConfig(NatsBridgeConfig.fromEnvironment(environment), name[0]);
  }

  /** The same settings under {@code name}: a separate set of streams and buckets. */
  public NatsQueueConfig withName(String name) {
    return new NatsQueueConfig(connection, name);
  }

  public NatsBridgeConfig connection() {
    return connection;
  }

  public String name() {
    return name;
  }

  private static String checkedName(String value) {
    String name = SettingChecks.text(value, "name");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("name must be letters, digits, - and _ only (it names NATS streams and "
          + "buckets): " + name);
    }
    return name;
  }
}
