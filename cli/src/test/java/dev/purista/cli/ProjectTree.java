package dev.purista.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A snapshot of every file under a directory (path → bytes, {@code /}-separated, sorted), to prove that a
 * failed command wrote nothing and that a regenerated tree equals a golden one. A project's {@code .purista/lock}
 * is left out: every change command creates it to lock the project, and it is no part of the project.
 */
public final class ProjectTree {
  private final Map<String, byte[]> files;

  private ProjectTree(Map<String, byte[]> files) {
    this.files = files;
  }

  public static ProjectTree of(Path root) {
    return of(root, "\0");
  }

  /** The files under {@code root}, leaving out every directory named {@code ignoredDirectory}. */
  public static ProjectTree of(Path root, String ignoredDirectory) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return new ProjectTree(files);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path relative = root.relativize(path);
        boolean ignored = false;
        for (Path segment : relative) {
          ignored |= segment.toString().equals(ignoredDirectory);
        }
        boolean lock = relative.endsWith(Path.of(".purista", "lock"));
        if (!ignored && !lock && Files.isRegularFile(path)) {
          files.put(relative.toString().replace('\\', '/'), Files.readAllBytes(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProjectTree(files);
  }

  public Map<String, byte[]> files() {
    return files;
  }

  public String text(String path) {
    byte[] content = files.get(path);
    if (content == null) {
      throw new AssertionError("no file " + path + " in " + files.keySet());
    }
    return new String(content, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ProjectTree tree) || !tree.files.keySet().equals(files.keySet())) {
      return false;
    }
    return files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), tree.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return files.keySet().hashCode();
  }

  @Override
  public String toString() {
    return files.keySet().toString();
  }
}
