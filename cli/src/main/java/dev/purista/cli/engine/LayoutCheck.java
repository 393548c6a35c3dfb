package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a project in the first layout (one {@code pom.xml} with {@code src/main/java} at the root) from the
 * current one (a {@code services} module and a {@code targets} module). Writing the current layout's files into
 * the old one would leave two copies of the business code, and reading or building the old one as if it were the
 * current one would mislead, so every command but {@code purista upgrade} stops with what to do instead.
 */
final class LayoutCheck {
  private LayoutCheck() {
  }

  static boolean isFirstLayout(Path root) {
    return Files.isDirectory(root.resolve("src/main/java")) && !Files.isDirectory(root.resolve(
        ProjectLayout.SERVICES_MODULE));
  }

  static void requireCurrent(Path root) {
    if (isFirstLayout(root)) {
      throw new BadInputException("this project has the single-module layout of an earlier purista (src/main/java "
          + "at the root); this purista works on a services module and one module per target",
          "run 'purista upgrade' to move it (see 'purista upgrade --help'), or move src/ to services/src/ by hand "
          + "as docs/cli.md describes");
    }
  }
}
