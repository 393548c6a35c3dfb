package dev.purista.cli.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project on disk. Writes are atomic per file, and all-or-nothing per plan (see {@link FileTransaction}). */
public final class FileSystemOutput implements Output {
  private final Path root;
  private final Map<String, byte[]> unchangedSinceRead;

  public FileSystemOutput(Path root) {
    this(root, Map.of());
  }

  private FileSystemOutput(Path root, Map<String, byte[]> unchangedSinceRead) {
    this.root = root.toAbsolutePath().normalize();
    this.unchangedSinceRead = unchangedSinceRead;
  }

  /**
   * The same project, whose {@link #writeAll} fails, writing nothing, unless {@code path} still holds
   * {@code content} when it is about to be replaced: compare-on-write, for a file read at the start of a change
   * (the model) that another program may have written since.
   */
  public FileSystemOutput expectingUnchanged(String path, byte[] content) {
    Map<String, byte[]> expected = new HashMap<>(unchangedSinceRead);
    expected.put(path, content.clone());
    return new FileSystemOutput(root, Map.copyOf(expected));
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
    for (String path : unchangedSinceRead.keySet()) {
      checkUnchanged(path);
    }
    FileTransaction transaction = new FileTransaction();
    try {
      for (ProposedFile file : files) {
        if (unchangedSinceRead.containsKey(file.path())) {
          checkUnchanged(file.path());
        }
        transaction.write(resolve(file.path()), file.content().getBytes(StandardCharsets.UTF_8), file.executable());
      }
    } catch (IOException | RuntimeException e) {
      transaction.rollback(e);
      throw e;
    }
  }

  private void checkUnchanged(String path) throws IOException {
    Path file = resolve(path);
    byte[] now = Files.exists(file) ? Files.readAllBytes(file) : null;
    if (!Arrays.equals(now, unchangedSinceRead.get(path))) {
      throw new ChangedMeanwhileException(path);
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
