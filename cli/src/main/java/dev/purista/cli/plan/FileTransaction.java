package dev.purista.cli.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files one by one, each atomically (temp file in the same directory, then a rename), and remembers
 * enough to undo them all: the previous bytes of replaced files, the files it created and the directories it
 * made. A reader never sees a half-written file, and a failed change leaves the project as it was.
 */
final class FileTransaction {
  private final Map<Path, byte[]> originals = new HashMap<>();
  private final List<Path> touched = new ArrayList<>();
  private final Deque<Path> createdDirectories = new ArrayDeque<>();

  /** Writes {@code content} to {@code target}; {@code executable} adds execute where the file system has modes. */
  void write(Path target, byte[] content, boolean executable) throws IOException {
    makeDirectories(target.getParent());
    if (!originals.containsKey(target) && !touched.contains(target)) {
      originals.put(target, Files.exists(target) ? Files.readAllBytes(target) : null);
      touched.add(target);
    }
    replaceAtomically(target, content, executable);
  }

  /** Undoes every write, newest first; problems while undoing are attached to {@code cause}. */
  void rollback(Throwable cause) {
    for (int i = touched.size() - 1; i >= 0; i--) {
      Path file = touched.get(i);
      try {
        byte[] original = originals.get(file);
        if (original == null) {
          Files.deleteIfExists(file);
        } else {
          replaceAtomically(file, original, false);
        }
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
    while (!createdDirectories.isEmpty()) {
      Path dir = createdDirectories.pop();
      try {
        Files.deleteIfExists(dir);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private void makeDirectories(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path next = missing.pop();
      Files.createDirectory(next);
      createdDirectories.push(next);
    }
  }

  private static void replaceAtomically(Path target, byte[] content, boolean executable) throws IOException {
    // Not Files.createTempFile: it creates owner-only files, and the rename would carry that mode over.
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".purista-tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
        out.write(content);
      }
      keepPermissions(target, temp);
      if (executable) {
        makeExecutable(temp);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Execute for everyone who may read the file, as {@code chmod +x} does; nothing where there are no POSIX modes. */
  private static void makeExecutable(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
    Map<PosixFilePermission, PosixFilePermission> executeForRead = Map.of(
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    executeForRead.forEach((read, execute) -> {
      if (permissions.contains(read)) {
        permissions.add(execute);
      }
    });
    Files.setPosixFilePermissions(file, permissions);
  }

  private static void keepPermissions(Path original, Path replacement) throws IOException {
    if (Files.exists(original) && original.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
    }
  }
}
