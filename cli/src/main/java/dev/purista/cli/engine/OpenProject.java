package dev.purista.cli.engine;

import dev.purista.cli.model.ProjectModel;
import java.nio.file.Path;

/**
 * A project opened for one change: its model, read while holding the project lock, which it keeps until closed,
 * and the bytes that model was read from, which the change's write compares before replacing them.
 */
public final class OpenProject implements AutoCloseable {
  private final Path root;
  private final ProjectModel model;
  private final byte[] modelBytes;
  private final ProjectLock lock;

  OpenProject(Path root, ProjectModel model, byte[] modelBytes, ProjectLock lock) {
    this.root = root;
    this.model = model;
    this.modelBytes = modelBytes;
    this.lock = lock;
  }

  public Path root() {
    return root;
  }

  public ProjectModel model() {
    return model;
  }

  byte[] modelBytes() {
    return modelBytes;
  }

  /** Releases the project lock. */
  @Override
  public void close() {
    lock.close();
  }
}
