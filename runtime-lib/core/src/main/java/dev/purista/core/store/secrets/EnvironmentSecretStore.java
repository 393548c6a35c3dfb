package dev.purista.core.store.secrets;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets from environment variables: the secret {@code dbPassword} is the variable {@code prefix + dbPassword}.
 * Read-only, because a process cannot change its own environment for the platform that set it.
 */
public final class EnvironmentSecretStore implements SecretStore {
  private final String prefix;
  private final Function<String, String> environment;

  /** Secrets from the variables of this process, named {@code prefix + name}. */
  public EnvironmentSecretStore(String prefix) {
    this(prefix, System::getenv);
  }

  /** Secrets looked up with {@code environment}, named {@code prefix + name}. */
  public EnvironmentSecretStore(String prefix, Function<String, String> environment) {
    this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    this.environment = Objects.requireNonNull(environment, "environment == null");
  }

  @Override
  public String name() {
    return "environment-secrets";
  }

  @Override
  public Optional<Secret> get(String name) {
    String value = environment.apply(prefix + name);
    return value == null ? Optional.empty() : Optional.of(new Secret(name, value));
  }

  @Override
  public void set(String name, String value) {
    throw ReadOnlySecrets.refuse(this, "set", name);
  }

  @Override
  public void remove(String name) {
    throw ReadOnlySecrets.refuse(this, "remove", name);
  }

  @Override
  public String toString() {
    return "EnvironmentSecretStore[" + prefix + "*]";
  }
}
