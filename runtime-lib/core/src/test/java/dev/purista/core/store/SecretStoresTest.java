package dev.purista.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.secrets.DirectorySecretStore;
import dev.purista.core.store.secrets.EnvironmentSecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only secret stores: variables of the environment, and a directory of files as Kubernetes mounts it. */
class SecretStoresTest {
  @TempDir
  Path directory;

  @Test
  void environmentSecretsAreTheVariablesUnderThePrefix() {
    Map<String, String> env = Map.of("APP_DB_PASSWORD", "hunter2", "DB_PASSWORD", "not this one");
    SecretStore store = new EnvironmentSecretStore("APP_", env::get);

    assertEquals("hunter2", store.get("DB_PASSWORD").orElseThrow().reveal());
    assertTrue(store.get("MISSING").isEmpty());
    assertFalse(store.get("DB_PASSWORD").orElseThrow().toString().contains("hunter2"));
    UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
        () -> store.set("DB_PASSWORD", "new"));
    assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
  }

  @Test
  void directorySecretsAreFilesWithoutTheirTrailingLineBreakAndRotateWithoutARestart() throws IOException {
    Files.writeString(directory.resolve("db-password"), "hunter2\n");
    Files.writeString(directory.resolve("api-key"), "line one\nline two");
    DirectorySecretStore store = new DirectorySecretStore(directory);

    assertEquals("hunter2", store.get("db-password").orElseThrow().reveal());
    assertEquals("line one\nline two", store.get("api-key").orElseThrow().reveal());
    assertTrue(store.get("missing").isEmpty());
    assertTrue(store.isHealthy());

    Files.writeString(directory.resolve("db-password"), "rotated\r\n");
    assertEquals("rotated", store.get("db-password").orElseThrow().reveal());
  }

  @Test
  void aDirectorySecretNameCannotLeaveTheDirectory() throws IOException {
    Path outside = Files.writeString(directory.resolveSibling(directory.getFileName() + "-outside"), "leak");
    Path secrets = Files.createDirectory(directory.resolve("secrets"));
    DirectorySecretStore store = new DirectorySecretStore(secrets);
    try {
      for (String name : new String[] {"../" + directory.getFileName() + "-outside", "..", ".", "a/b", "a\\b", ""}) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.get(name));
        assertTrue(refused.getMessage().contains("not a secret name"), refused.getMessage());
      }
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void aMissingDirectoryIsUnhealthyAndReadsAsEmpty() {
    DirectorySecretStore store = new DirectorySecretStore(directory.resolve("not-mounted"));

    assertFalse(store.isHealthy());
    assertTrue(store.get("db-password").isEmpty());
  }
}
