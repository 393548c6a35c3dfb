package dev.purista.cli.plan;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Files in memory: a project under test, or a dry run layered over the real project, where reads fall through
 * to the file system and writes stay here.
 */
public final class InMemoryOutput implements Output {
  private final Output base;
  private final Map<String, String> files = new TreeMap<>();

  /** An empty in-memory project. */
  public InMemoryOutput() {
    this(null);
  }

  /** Reads fall through to {@code base} for files not written here; {@code base} is never written. */
  public InMemoryOutput(Output base) {
    this.base = base;
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    String content = files.get(path);
    if (content != null) {
      return Optional.of(content);
    }
    return base == null ? Optional.empty() : base.read(path);
  }

  @Override
  public void writeAll(List<ProposedFile> writes) {
    for (ProposedFile file : writes) {
      files.put(file.path(), file.content());
    }
  }

  /** The files written here, by path. */
  public Map<String, String> files() {
    return Collections.unmodifiableMap(files);
  }
}
