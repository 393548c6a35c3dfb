package dev.purista.cli.engine;

import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.plan.Output;
import dev.purista.cli.plan.ProposedFile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A project of the first layout as it will look once {@code purista upgrade} moved its files: {@code src/...} is
 * read at {@code services/src/...}, and the moved-away root {@code pom.xml} and old bootstrap are gone. The upgrade
 * plans against this view before it moves anything, so that a conflict stops it while the project is untouched.
 */
final class FirstLayoutView implements Output {
  private final Output current;
  private final String oldBootstrap;

  FirstLayoutView(Output current, String oldBootstrap) {
    this.current = current;
    this.oldBootstrap = oldBootstrap;
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    if (path.startsWith(ProjectLayout.SERVICES_MODULE + "src/")) {
      String old = path.substring(ProjectLayout.SERVICES_MODULE.length());
      return old.equals(oldBootstrap) ? Optional.empty() : current.read(old);
    }
    if (path.equals(UpgradeOperation.ROOT_POM) || path.startsWith("src/")) {
      return Optional.empty();
    }
    return current.read(path);
  }

  @Override
  public void writeAll(List<ProposedFile> files) {
    throw new UnsupportedOperationException("a view for planning only");
  }
}
