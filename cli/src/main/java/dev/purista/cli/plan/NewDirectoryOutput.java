package dev.purista.cli.plan;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project that does not exist yet. Files are written into a hidden staging directory next to the target, the
 * finishing step (such as the first git commit) runs there, and only then is the directory renamed into
 * place. The project appears complete or not at all.
 */
public final class NewDirectoryOutput implements Output {
  private final Path target;
  private final FinishingStep finishingStep;

  public NewDirectoryOutput(Path target, FinishingStep finishingStep) {
    this.target = target.toAbsolutePath().normalize();
    this.finishingStep = finishingStep;
  }

  @Override
  public Optional<String> read(String path) {
    return Optional.empty();
  }

  @Override
  public void writeAll(List<ProposedFile> files) throws IOException {
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Deque<Path> createdParents = new ArrayDeque<>();
    for (Path p = target.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      createdParents.push(p);
    }
    Path staging = null;
    try {
      for (Path parent : createdParents) {
        Files.createDirectory(parent);
      }
      staging = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".purista-tmp");
      Files.createDirectory(staging);
      new FileSystemOutput(staging).writeAll(files);
      finishingStep.finish(staging);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (staging != null) {
        deleteTree(staging, e);
      }
      while (!createdParents.isEmpty()) {
        try {
          Files.deleteIfExists(createdParents.removeLast());
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static void deleteTree(Path root, Throwable cause) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** Runs on the complete staging directory before it is moved into place; a failure discards the project. */
  @FunctionalInterface
  public interface FinishingStep {
    FinishingStep NONE = staged -> { };

    void finish(Path stagedProject) throws IOException;
  }
}
