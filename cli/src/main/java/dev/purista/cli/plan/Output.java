package dev.purista.cli.plan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a project's files live: the file system, or memory for tests and {@code --dry-run}. The planner reads
 * through it; applying a plan writes through it, all files or none.
 */
public interface Output {

  /** The current text of a project-relative file, or empty when there is none. */
  Optional<String> read(String path) throws IOException;

  /**
   * Writes every file, or, if any write fails, leaves every file as it was before and rethrows. Files are
   * written in the given order.
   */
  void writeAll(List<ProposedFile> files) throws IOException;
}
