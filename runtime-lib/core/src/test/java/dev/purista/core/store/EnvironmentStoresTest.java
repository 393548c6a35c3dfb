package dev.purista.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.cache.CachingConfigStore;
import dev.purista.core.store.cache.CachingSecretStore;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemorySecretStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import dev.purista.core.store.secrets.DirectorySecretStore;
import dev.purista.core.store.secrets.EnvironmentSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores chosen by environment variables: in-memory by default, a clear error for a kind nobody provides. */
class EnvironmentStoresTest {
  @TempDir
  Path directory;

  @Test
  void withoutVariablesEveryStoreIsInMemory() {
    EnvironmentStores stores = EnvironmentStores.from(Map.<String, String>of()::get);

    assertInstanceOf(InMemoryStateStore.class, stores.stateStore());
    assertInstanceOf(InMemoryConfigStore.class, stores.configStore());
    assertInstanceOf(InMemorySecretStore.class, stores.secretStore());
  }

  @Test
  void aKindThatNoModuleProvidesFailsNamingTheVariableAndTheModules() {
    EnvironmentStores stores = EnvironmentStores.from(Map.of("PURISTA_STATE_STORE", "Redis")::get);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, stores::stateStore);

    assertTrue(refused.getMessage().startsWith("PURISTA_STATE_STORE=redis: no such store"), refused.getMessage());
    assertTrue(refused.getMessage().contains("purista-redis"), refused.getMessage());
  }

  @Test
  void secretsComeFromTheEnvironmentOrADirectory() throws Exception {
    Map<String, String> env = Map.of("PURISTA_SECRET_STORE", "environment", "PURISTA_SECRET_ENV_PREFIX", "S_",
        "S_TOKEN", "abc");
    SecretStore fromEnvironment = EnvironmentStores.from(env::get).secretStore();
    Files.writeString(directory.resolve("token"), "def\n");
    SecretStore fromDirectory = EnvironmentStores.from(Map.of("PURISTA_SECRET_STORE", "directory",
        "PURISTA_SECRET_DIRECTORY", directory.toString())::get).secretStore();

    assertInstanceOf(EnvironmentSecretStore.class, fromEnvironment);
    assertEquals("abc", fromEnvironment.get("TOKEN").orElseThrow().reveal());
    assertInstanceOf(DirectorySecretStore.class, fromDirectory);
    assertEquals("def", fromDirectory.get("token").orElseThrow().reveal());
  }

  @Test
  void aCacheTimeToLiveWrapsTheStore() {
    EnvironmentStores stores = EnvironmentStores.from(Map.of("PURISTA_CONFIG_CACHE_TTL", "30s",
        "PURISTA_SECRET_CACHE_TTL", "2m")::get);

    assertInstanceOf(CachingConfigStore.class, stores.configStore());
    assertInstanceOf(CachingSecretStore.class, stores.secretStore());
  }

  @Test
  void badValuesNameTheirVariable() {
    IllegalArgumentException zeroTtl = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentStores.from(Map.of("PURISTA_CONFIG_CACHE_TTL", "0s")::get).configStore());
    IllegalArgumentException bareNumber = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentStores.from(Map.of("PURISTA_SECRET_CACHE_TTL", "30")::get).secretStore());
    IllegalArgumentException vault = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentStores.from(Map.of("PURISTA_SECRET_STORE", "vault")::get).secretStore());

    assertTrue(zeroTtl.getMessage().contains("PURISTA_CONFIG_CACHE_TTL"), zeroTtl.getMessage());
    assertTrue(bareNumber.getMessage().contains("PURISTA_SECRET_CACHE_TTL"), bareNumber.getMessage());
    assertTrue(vault.getMessage().contains("PURISTA_SECRET_STORE=vault"), vault.getMessage());
  }
}
