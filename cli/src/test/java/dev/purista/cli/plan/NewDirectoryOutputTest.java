package dev.purista.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewDirectoryOutputTest {
  @TempDir
  Path parent;

  private static final List<ProposedFile> FILES =
      List.of(new ProposedFile("pom.xml", "<project/>", Ownership.USER_OWNED),
          new ProposedFile("src/A.java", "class A {}", Ownership.USER_OWNED));

  @Test
  void theProjectAppearsComplete() throws IOException {
    Path target = parent.resolve("deep/shop");
    new NewDirectoryOutput(target, staged -> assertTrue(Files.exists(staged.resolve("src/A.java"))))
        .writeAll(FILES);
    assertEquals("class A {}", Files.readString(target.resolve("src/A.java")));
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      assertEquals(List.of(target), siblings.toList(), "no staging directory is left");
    }
  }

  @Test
  void aFailingFinishingStepLeavesNothing() {
    Path target = parent.resolve("deep/shop");
    IOException failure = new IOException("git failed");
    assertEquals(failure, assertThrows(IOException.class, () -> new NewDirectoryOutput(target, staged -> {
      throw failure;
    }).writeAll(FILES)));
    assertFalse(Files.exists(parent.resolve("deep")), "neither the project nor the directories made for it remain");
  }

  @Test
  void neverWritesIntoAnExistingDirectory() throws IOException {
    Path target = Files.createDirectory(parent.resolve("shop"));
    assertThrows(FileAlreadyExistsException.class,
        () -> new NewDirectoryOutput(target, NewDirectoryOutput.FinishingStep.NONE).writeAll(FILES));
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(0, files.count());
    }
  }
}
