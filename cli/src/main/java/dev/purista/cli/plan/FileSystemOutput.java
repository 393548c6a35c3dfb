package dev.purista.cli.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A project on disk. Writes are atomic per file, and all-or-nothing per plan (see {@link FileTransaction}). */
public final class FileSystemOutput implements Output {
  private final Path root;

  public FileSystemOutput(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    Path file = resolve(path);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(path + " exists but is not a regular file");
    }
    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Override
  public void writeAll(List<ProposedFile> files) throws IOException {
    FileTransaction transaction = new FileTransaction();
    try {
      for (ProposedFile file : files) {
        transaction.write(resolve(file.path()), file.content().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      transaction.rollback(e);
      throw e;
    }
  }

  /** Resolves a project-relative path, refusing anything that would land outside the project. */
  Path resolve(String path) throws IOException {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IOException("refusing to write outside the project: " + path);
    }
    return file;
  }
}
