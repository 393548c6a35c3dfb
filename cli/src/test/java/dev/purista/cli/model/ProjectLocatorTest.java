package dev.purista.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.failure.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLocatorTest {
  @TempDir
  Path dir;

  @Test
  void findsTheProjectFromAnyDirectoryInside() throws IOException {
    Files.writeString(dir.resolve("purista.json"), "{}");
    Path deep = Files.createDirectories(dir.resolve("src/main/java"));
    assertEquals(dir.toAbsolutePath(), ProjectLocator.findRoot(deep));
    assertEquals(dir.toAbsolutePath(), ProjectLocator.findRoot(dir));
  }

  @Test
  void explainsWhatToDoOutsideAProject() {
    BadInputException e = assertThrows(BadInputException.class, () -> ProjectLocator.findRoot(dir));
    assertTrue(e.getMessage().startsWith("not inside a purista project"), e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("purista new project"));
  }
}
