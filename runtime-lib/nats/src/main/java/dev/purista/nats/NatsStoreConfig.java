package dev.purista.nats;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.core.spi.support.SettingChecks;
import java.util.function.Function;
import java.util.Objects;

/**
 * Where the NATS stores keep their data: the server and its credentials as for the bridge ({@link
 * NatsBridgeConfig}: {@code PURISTA_NATS_URL}, {@code PURISTA_NATS_TOKEN}, TLS, ...) and one key-value bucket per
 * kind of store:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>variable</th><th>default</th></tr>
 *   <tr><td>stateBucket</td><td>{@code PURISTA_NATS_STATE_BUCKET}</td><td>{@code purista_state}</td></tr>
 *   <tr><td>configBucket</td><td>{@code PURISTA_NATS_CONFIG_BUCKET}</td><td>{@code purista_config}</td></tr>
 * </table>
 */
public final class NatsStoreConfig {
  /** The state store's bucket unless set. */
  public static final String DEFAULT_STATE_BUCKET = "purista_state";
  /** The config store's bucket unless set. */
  public static final String DEFAULT_CONFIG_BUCKET = "purista_config";

  private final NatsBridgeConfig connection;
  private final String stateBucket;
  private final String configBucket;

  private NatsStoreConfig(NatsBridgeConfig connection, String stateBucket, String configBucket) {
    this.connection = Objects.requireNonNull(connection, "connection == null");
    this.stateBucket = bucketName(stateBucket, "stateBucket");
    this.configBucket = bucketName(configBucket, "configBucket");
  }

  /** Stores on the server of {@code connection}, in the default buckets. */
  public static NatsStoreConfig of(NatsBridgeConfig connection) {
    return new NatsStoreConfig(connection, DEFAULT_STATE_BUCKET, DEFAULT_CONFIG_BUCKET);
  }

  /** Settings from this process's environment. */
  public static NatsStoreConfig fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /** Settings from the variables {@code environment} looks up; a bad value fails naming its variable. */
  public static NatsStoreConfig fromEnvironment(Function<String, String> environment) {
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_NATS_", environment);
    String[] buckets = {DEFAULT_STATE_BUCKET, DEFAULT_CONFIG_BUCKET};
    env.text("STATE_BUCKET", value -> buckets[0] = bucketName(value, "stateBucket"));
    env.text("CONFIG_BUCKET", value -> buckets[1] = bucketName(value, "configBucket"));
    return new NatsStoreConfig(NatsBridgeConfig.fromEnvironment(environment), buckets[0], buckets[1]);
  }

  /** The same settings with the state store's bucket {@code name}. */
  public NatsStoreConfig withStateBucket(String name) {
    return new NatsStoreConfig(connection, name, configBucket);
  }

  /** The same settings with the config store's bucket {@code name}. */
  public NatsStoreConfig withConfigBucket(String name) {
    return new NatsStoreConfig(connection, stateBucket, name);
  }

  public NatsBridgeConfig connection() {
    return connection;
  }

  public String stateBucket() {
    return stateBucket;
  }

  public String configBucket() {
    return configBucket;
  }

  private static String bucketName(String value, String setting) {
    String name = SettingChecks.text(value, setting);
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(setting + " must be letters, digits, - and _ only (a NATS bucket name): "
          + name);
    }
    return name;
  }
}
