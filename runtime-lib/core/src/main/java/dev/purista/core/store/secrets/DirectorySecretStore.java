package dev.purista.core.store.secrets;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Secrets from a directory of files, one file per secret, named like the secret: the convention of Kubernetes
 * secret volumes and Docker secrets ({@code /run/secrets/<name>}). The file is read on every {@link #get}, so a
 * rotated secret is seen without a restart; wrap the store in a
 * {@link dev.purista.core.store.cache.CachingSecretStore} to read less often. One trailing line break is dropped,
 * because files written by hand or with {@code echo} end with one. Read-only.
 */
public final class DirectorySecretStore implements SecretStore {
  private final Path directory;

  /** Secrets from the files in {@code directory}. */
  public DirectorySecretStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory == null");
  }

  @Override
  public String name() {
    return "directory-secrets";
  }

  @Override
  public boolean isHealthy() {
    return Files.isDirectory(directory);
  }

  @Override
  public Optional<Secret> get(String name) {
    Path file = fileOf(name);
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(new Secret(name, withoutTrailingLineBreak(value)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // The message names the file, never its content.
      throw new UncheckedIOException("cannot read secret '" + name + "' from " + file, e);
    }
  }

  @Override
  public void set(String name, String value) {
    throw ReadOnlySecrets.refuse(this, "set", name);
  }

  @Override
  public void remove(String name) {
    throw ReadOnlySecrets.refuse(this, "remove", name);
  }

  /** The file of {@code name}; a name that would leave the directory is refused, not resolved. */
  private Path fileOf(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a secret name: '" + name + "' (one file name, no path)");
    }
    return directory.resolve(name);
  }

  private static String withoutTrailingLineBreak(String value) {
    if (value.endsWith("\r\n")) {
      return value.substring(0, value.length() - 2);
    }
    return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
  }

  @Override
  public String toString() {
    return "DirectorySecretStore[" + directory + "]";
  }
}
