package dev.purista.core.store;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.core.store.cache.CachingConfigStore;
import dev.purista.core.store.cache.CachingSecretStore;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemorySecretStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import dev.purista.core.store.secrets.DirectorySecretStore;
import dev.purista.core.store.secrets.EnvironmentSecretStore;
import dev.purista.core.store.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The stores a deployment chooses with environment variables, so that the same bootstrap runs on in-memory stores
 * on a laptop and on Redis or NATS in production:
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code PURISTA_STATE_STORE}</td><td>{@code memory}, or a provided kind such as {@code redis},
 *       {@code nats}</td><td>{@code memory}</td></tr>
 *   <tr><td>{@code PURISTA_CONFIG_STORE}</td><td>the same</td><td>{@code memory}</td></tr>
 *   <tr><td>{@code PURISTA_CONFIG_CACHE_TTL}</td><td>a duration such as {@code 30s}; reads are cached that long</td>
 *       <td>no cache</td></tr>
 *   <tr><td>{@code PURISTA_SECRET_STORE}</td><td>{@code memory}, {@code environment}, {@code directory}</td>
 *       <td>{@code memory}</td></tr>
 *   <tr><td>{@code PURISTA_SECRET_ENV_PREFIX}</td><td>the prefix of the variables {@code environment} reads</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code PURISTA_SECRET_DIRECTORY}</td><td>the directory {@code directory} reads, one file per
 *       secret</td><td>{@code /run/secrets}</td></tr>
 *   <tr><td>{@code PURISTA_SECRET_CACHE_TTL}</td><td>a duration</td><td>no cache</td></tr>
 * </table>
 *
 * <p>Kinds other than the built-in ones come from modules on the class or module path, each through a
 * {@link StoreProvider}; their connection settings are their own variables ({@code PURISTA_REDIS_URL}, ...). A
 * value that names no known kind fails with a message that lists the kinds found and the modules that provide
 * the others, because a store that silently fell back to memory would lose every value at the next restart.
 */
public final class EnvironmentStores {
  /** The in-memory stores' name, the default. */
  public static final String MEMORY = "memory";
  private static final String DEFAULT_SECRET_DIRECTORY = "/run/secrets";
  /** Kinds the project provides in its own modules, for the message when one is missing. */
  private static final List<String> KNOWN_MODULES = List.of("redis (purista-redis)", "nats (purista-nats)");

  private final Function<String, String> environment;
  private final EnvironmentSettings settings;

  private EnvironmentStores(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
    this.settings = new EnvironmentSettings("PURISTA_", environment);
  }

  /** The stores this process's environment asks for. */
  public static EnvironmentStores fromEnvironment() {
    return new EnvironmentStores(System::getenv);
  }

  /** The stores {@code environment} asks for, such as a map's {@code get} in a test. */
  public static EnvironmentStores from(Function<String, String> environment) {
    return new EnvironmentStores(environment);
  }

  /** A new state store of the kind {@code PURISTA_STATE_STORE} names. */
  public StateStore stateStore() {
    String kind = kind("STATE_STORE");
    return kind.equals(MEMORY) ? new InMemoryStateStore() : provider("STATE_STORE", kind).stateStore(environment);
  }

  /** A new config store of the kind {@code PURISTA_CONFIG_STORE} names, cached when a TTL is set. */
  public ConfigStore configStore() {
    String kind = kind("CONFIG_STORE");
    ConfigStore store = kind.equals(MEMORY) ? new InMemoryConfigStore()
        : provider("CONFIG_STORE", kind).configStore(environment);
    Duration ttl = cacheTtl("CONFIG_CACHE_TTL");
    return ttl == null ? store : new CachingConfigStore(store, ttl);
  }

  /** A new secret store of the kind {@code PURISTA_SECRET_STORE} names, cached when a TTL is set. */
  public SecretStore secretStore() {
    String kind = kind("SECRET_STORE");
    SecretStore store = switch (kind) {
      case MEMORY -> new InMemorySecretStore();
      case "environment" -> new EnvironmentSecretStore(settings.value("SECRET_ENV_PREFIX").orElse(""),
          environment);
      case "directory" -> new DirectorySecretStore(
          Path.of(settings.value("SECRET_DIRECTORY").orElse(DEFAULT_SECRET_DIRECTORY)));
      default -> throw new IllegalArgumentException(settings.name("SECRET_STORE") + "=" + kind
          + " is not a secret store; use memory, environment or directory, or give the application a "
          + "SecretStore of your own (a vault client) in code");
    };
    Duration ttl = cacheTtl("SECRET_CACHE_TTL");
    return ttl == null ? store : new CachingSecretStore(store, ttl);
  }

  private String kind(String suffix) {
    return settings.value(suffix).map(value -> value.toLowerCase(Locale.ROOT)).orElse(MEMORY);
  }

  private Duration cacheTtl(String suffix) {
    AtomicReference<Duration> ttl = new AtomicReference<>();
    settings.duration(suffix, value -> {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("a cache's time to live must be positive");
      }
      ttl.set(value);
    });
    return ttl.get();
  }

  private StoreProvider provider(String suffix, String kind) {
    List<String> found = new ArrayList<>();
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
      if (provider.name().equals(kind)) {
        return provider;
      }
      found.add(provider.name());
    }
    throw new IllegalArgumentException(settings.name(suffix) + "=" + kind + ": no such store on the class path; "
        + "found: " + String.join(", ", prepend(MEMORY, found)) + ". Add the module that provides it: "
        + String.join(", ", KNOWN_MODULES));
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
