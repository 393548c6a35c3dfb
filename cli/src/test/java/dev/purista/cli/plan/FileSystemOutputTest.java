package dev.purista.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.ProjectTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemOutputTest {
  @TempDir
  Path root;

  private static ProposedFile file(String path, String content) {
    return new ProposedFile(path, content, Ownership.REGENERATED);
  }

  @Test
  void writesFilesAndTheirDirectories() throws IOException {
    FileSystemOutput output = new FileSystemOutput(root);
    output.writeAll(List.of(file("a/b/c.txt", "hello"), file("d.txt", "ünïcode")));
    assertEquals("hello", Files.readString(root.resolve("a/b/c.txt")));
    assertEquals(Optional.of("ünïcode"), output.read("d.txt"));
    assertEquals(Optional.empty(), output.read("missing.txt"));
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    new FileSystemOutput(root).writeAll(List.of(file("a.txt", "1"), file("a.txt", "2")));
    try (Stream<Path> files = Files.list(root)) {
      assertEquals(List.of(root.resolve("a.txt")), files.toList());
    }
    assertEquals("2", Files.readString(root.resolve("a.txt")));
  }

  @Test
  void aFailureMidwayRestoresEveryFileAndRemovesNewDirectories() throws IOException {
    Files.writeString(root.resolve("existing.txt"), "before");
    Files.writeString(root.resolve("blocker"), "a file where a directory is needed");
    ProjectTree before = ProjectTree.of(root);
    FileSystemOutput output = new FileSystemOutput(root);

    IOException failure = assertThrows(IOException.class, () -> output.writeAll(List.of(
        file("existing.txt", "after"),
        file("new/dir/created.txt", "new"),
        file("blocker/inside.txt", "cannot be written"))));

    assertEquals(before, ProjectTree.of(root), "the project must be exactly as it was");
    assertFalse(Files.exists(root.resolve("new")), "directories made by the failed write are removed");
    assertEquals(0, failure.getSuppressed().length, "the rollback itself succeeded");
  }

  @Test
  void keepsThePermissionsOfAFileItReplaces() throws IOException {
    Path script = root.resolve("run.sh");
    Files.writeString(script, "old");
    Set<PosixFilePermission> executable = PosixFilePermissions.fromString("rwxr-x---");
    Files.setPosixFilePermissions(script, executable);
    new FileSystemOutput(root).writeAll(List.of(file("run.sh", "new")));
    assertEquals(executable, Files.getPosixFilePermissions(script));
  }

  @Test
  void writesAScriptExecutableForEveryoneWhoMayReadItAndOtherFilesNot() throws IOException {
    Path script = root.resolve("bin/launcher");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/bin/sh\necho old\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r-----"));

    new FileSystemOutput(root).writeAll(List.of(file("bin/launcher", "#!/bin/sh\necho new\n"),
        file("bin/new-script", "#!/bin/sh\n"), file("notes.txt", "# not a script\n")));

    assertEquals(PosixFilePermissions.fromString("rwxr-x---"), Files.getPosixFilePermissions(script),
        "a replaced script gains execute where it had read, and nothing more");
    assertTrue(Files.isExecutable(root.resolve("bin/new-script")), "a new script is executable");
    assertFalse(Files.isExecutable(root.resolve("notes.txt")), "a file without #! stays not executable");
  }

  @Test
  void refusesPathsThatLeaveTheProject() throws IOException {
    Path inside = Files.createDirectory(root.resolve("project"));
    FileSystemOutput output = new FileSystemOutput(inside);
    IOException e = assertThrows(IOException.class, () -> output.resolve("a/../../escaped.txt"));
    assertTrue(e.getMessage().contains("outside the project"));
  }

  @Test
  void reportsADirectoryWhereAFileIsExpected() throws IOException {
    Files.createDirectories(root.resolve("a.txt"));
    assertThrows(IOException.class, () -> new FileSystemOutput(root).read("a.txt"));
  }
}
