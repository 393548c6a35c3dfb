package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.failure.IoFailureMessage;
import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.generate.ProjectFiles;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.generate.RegeneratedFiles;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.git.GitStaging;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.plan.ConflictException;
import dev.purista.cli.plan.ContentHash;
import dev.purista.cli.plan.FileSystemOutput;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Moves a project of the first layout (one module, {@code src/} at the root) into the current one: {@code src/}
 * becomes {@code services/src/} in one directory rename, the old root pom is kept as
 * {@code pom.xml.before-upgrade} for the user to carry their dependencies over, the old bootstrap goes (each
 * target module has its own now), and the new poms, target modules and model are written. It plans against the
 * moved view first, so a conflict stops it before anything moved; a failure while writing moves everything back.
 * In a git repository it stages the moves, so that git's rename detection keeps the files' history.
 */
final class UpgradeOperation {
  static final String ROOT_POM = "pom.xml";
  static final String OLD_POM = "pom.xml.before-upgrade";

  private final VersionCatalog versions;
  private final ChangeWriter writer;

  UpgradeOperation(VersionCatalog versions, ChangeWriter writer) {
    this.versions = versions;
    this.writer = writer;
  }

  ChangeResult run(OpenProject project, WriteMode mode) {
    Path root = project.root();
    if (!LayoutCheck.isFirstLayout(root)) {
      throw new BadInputException("this project has the current layout already (a services module)",
          "nothing to upgrade");
    }
    if (Files.exists(root.resolve(ProjectLayout.TARGETS_MODULE)) || Files.exists(root.resolve(OLD_POM))) {
      throw new BadInputException("targets/ or " + OLD_POM + " exists, which the upgrade would write",
          "move it away and run 'purista upgrade' again");
    }
    ProjectModel before = project.model();
    String oldBootstrap = "src/main/java/" + before.project().basePackage().replace('.', '/')
        + "/bootstrap/MonolithMain.java";
    FileSystemOutput disk = new FileSystemOutput(root);
    checkOldBootstrapUnchanged(disk, before, oldBootstrap, mode);

    ProjectModel after = before.withGeneratorVersion(versions.purista())
        .withGeneratedFiles(movedHashes(before.generatedFiles(), oldBootstrap));
    TemplateRenderer templates = TemplateRenderer.forProject(root);
    List<ProposedFile> regenerated = RegeneratedFiles.all(after, templates);
    List<ProposedFile> userOwned = ProjectFiles.render(templates, after, versions).stream()
        .filter(file -> !Files.exists(root.resolve(file.path())) || file.path().equals(ROOT_POM))
        .toList();
    List<String> notes = List.of("moved src/ to services/src/ and pom.xml to " + OLD_POM + "; carry your own "
        + "dependencies and plugins over to services/pom.xml or pom.xml, then delete " + OLD_POM);

    Plan planned = writer.write(after, regenerated, userOwned, new FirstLayoutView(disk, oldBootstrap), null,
        after.generatedFiles(), new WriteMode(true, mode.force()));
    if (planned.hasConflicts() && !mode.dryRun()) {
      throw new ConflictException(planned.conflicts());
    }
    if (mode.dryRun()) {
      return new ChangeResult(root, planned, false, ROOT_POM, notes);
    }
    List<String> movedFiles = filesUnder(root, "src");
    Moves moves = new Moves(root);
    try {
      moves.move("src", ProjectLayout.SERVICES_MODULE + "src");
      moves.move(ROOT_POM, OLD_POM);
      moves.delete(ProjectLayout.SERVICES_MODULE + oldBootstrap);
      Plan plan = writer.write(after, regenerated, userOwned, disk,
          disk.expectingUnchanged(ProjectModel.FILE_NAME, project.modelBytes()), after.generatedFiles(),
          new WriteMode(false, mode.force()));
      GitStaging.stageMoves(root, movedFiles, ProjectLayout.SERVICES_MODULE);
      return new ChangeResult(root, plan, true, ROOT_POM, notes);
    } catch (RuntimeException | IOException e) {
      moves.undo(e);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new OperationFailedException("could not upgrade the project: "
          + IoFailureMessage.describe((IOException) e), "nothing was changed; fix the cause and run it again", e);
    }
  }

  /** The old bootstrap goes; one the user changed is a conflict unless forced, as for any regenerated file. */
  private static void checkOldBootstrapUnchanged(FileSystemOutput disk, ProjectModel model, String path,
      WriteMode mode) {
    try {
      Optional<String> text = disk.read(path);
      String recorded = model.generatedFiles().get(path);
      if (text.isPresent() && !mode.force() && (recorded == null || !recorded.equals(ContentHash.of(text.get())))) {
        throw new BadInputException(path + " was changed by hand; the upgrade replaces it by "
            + "targets/monolith/src/main/java/.../bootstrap/monolith/MonolithMain.java",
            "carry your change over after the upgrade, and run 'purista upgrade --force'");
      }
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  private static Map<String, String> movedHashes(Map<String, String> hashes, String oldBootstrap) {
    Map<String, String> moved = new TreeMap<>();
    hashes.forEach((path, hash) -> {
      if (!path.equals(oldBootstrap)) {
        moved.put(path.startsWith("src/") ? ProjectLayout.SERVICES_MODULE + path : path, hash);
      }
    });
    return moved;
  }

  private static List<String> filesUnder(Path root, String directory) {
    try (Stream<Path> files = Files.walk(root.resolve(directory))) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  /** The moves done so far, undone in reverse order when a later step fails. */
  private static final class Moves {
    private final Path root;
    private final List<Runnable> undo = new ArrayList<>();

    Moves(Path root) {
      this.root = root;
    }

    void move(String from, String to) throws IOException {
      Path source = root.resolve(from);
      Path target = root.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(source, target);
      undo.add(() -> moveBack(target, source));
    }

    void delete(String path) throws IOException {
      Path file = root.resolve(path);
      if (Files.exists(file)) {
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);
        undo.add(() -> restore(file, content));
      }
    }

    void undo(Exception cause) {
      for (int i = undo.size() - 1; i >= 0; i--) {
        try {
          undo.get(i).run();
        } catch (RuntimeException e) {
          cause.addSuppressed(e);
        }
      }
    }

    private static void moveBack(Path from, Path to) {
      try {
        Files.move(from, to);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static void restore(Path file, byte[] content) {
      try {
        Files.write(file, content);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
