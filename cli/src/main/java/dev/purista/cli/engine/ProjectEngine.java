package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.failure.IoFailureMessage;
import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.generate.RegeneratedFiles;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.model.GeneratorVersion;
import dev.purista.cli.model.ModelFileText;
import dev.purista.cli.model.ProjectLocator;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectModelCodec;
import dev.purista.cli.plan.FileSystemOutput;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The CLI's engine, callable from code without the command line: create a project, add services, commands,
 * subscriptions, queues and queue workers, regenerate the wiring. Every change runs under the project lock ({@link #openForChange}), so
 * that two changes, from two processes or two threads, never interleave; validates all input before it plans;
 * plans before it writes; and writes all files or none, the model last and only if nobody else wrote it
 * meanwhile. Failures are {@link dev.purista.cli.failure.CliFailure}s that say what to do.
 *
 * <pre>{@code
 * ProjectEngine engine = new ProjectEngine(VersionCatalog.bundled());
 * engine.newProject(new NewProjectRequest("shop", "com.example", null, null, false), workDir, WriteMode.WRITE);
 * engine.addService(workDir.resolve("shop"), new AddServiceRequest("user", null, null), WriteMode.WRITE);
 * }</pre>
 */
public final class ProjectEngine {
  private static final String ENGINE_HOLDER = "a program using the purista engine";

  private final VersionCatalog versions;
  private final ProjectModelCodec codec = new ProjectModelCodec();
  private final ChangeWriter writer = new ChangeWriter(codec);

  public ProjectEngine(VersionCatalog versions) {
    this.versions = versions;
  }

  /** Runs {@code change} on the project at {@code directory}, opened (and locked) for the engine's own use. */
  private ChangeResult onProject(Path directory, Function<OpenProject, ChangeResult> change) {
    try (OpenProject project = openForChange(directory, ENGINE_HOLDER)) {
      return change.apply(project);
    }
  }

  /** Creates a project under {@code workingDirectory} (or at the request's directory). */
  public ChangeResult newProject(NewProjectRequest request, Path workingDirectory, WriteMode mode) {
    return new NewProjectOperation(versions, writer).run(request, workingDirectory, mode);
  }

  public ChangeResult addService(Path directory, AddServiceRequest request, WriteMode mode) {
    return onProject(directory, project -> addService(project, request, mode));
  }

  public ChangeResult addService(OpenProject project, AddServiceRequest request, WriteMode mode) {
    return apply(project, AddServiceOperation.change(project.model(), request), mode);
  }

  public ChangeResult addCommand(Path directory, AddCommandRequest request, WriteMode mode) {
    return onProject(directory, project -> addCommand(project, request, mode));
  }

  public ChangeResult addCommand(OpenProject project, AddCommandRequest request, WriteMode mode) {
    return apply(project, AddCommandOperation.change(project.model(), request), mode);
  }

  public ChangeResult addSubscription(Path directory, AddSubscriptionRequest request, WriteMode mode) {
    return onProject(directory, project -> addSubscription(project, request, mode));
  }

  public ChangeResult addSubscription(OpenProject project, AddSubscriptionRequest request, WriteMode mode) {
    try {
      ProjectChange change = AddSubscriptionOperation.change(project.model(), request,
          new FileSystemOutput(project.root()));
      return apply(project, change, mode);
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  public ChangeResult genBootstrap(Path directory, GenBootstrapRequest request, WriteMode mode) {
    return onProject(directory, project -> genBootstrap(project, request, mode));
  }

  /** Adds or changes deployment targets and writes their modules. */
  public ChangeResult genBootstrap(OpenProject project, GenBootstrapRequest request, WriteMode mode) {
    return apply(project, GenBootstrapOperation.change(project.model(), request), mode);
  }

  public ChangeResult addQueue(Path directory, AddQueueRequest request, WriteMode mode) {
    return onProject(directory, project -> addQueue(project, request, mode));
  }

  public ChangeResult addQueue(OpenProject project, AddQueueRequest request, WriteMode mode) {
    return apply(project, AddQueueOperation.change(project.model(), request), mode);
  }

  public ChangeResult addQueueWorker(Path directory, AddQueueWorkerRequest request, WriteMode mode) {
    return onProject(directory, project -> addQueueWorker(project, request, mode));
  }

  public ChangeResult addQueueWorker(OpenProject project, AddQueueWorkerRequest request, WriteMode mode) {
    return apply(project, AddQueueWorkerOperation.change(project.model(), request), mode);
  }

  /** Rewrites every regenerated file from {@code purista.json}, for example after a template change. */
  public ChangeResult regenerate(Path directory, WriteMode mode) {
    return onProject(directory, project -> regenerate(project, mode));
  }

  public ChangeResult regenerate(OpenProject project, WriteMode mode) {
    TemplateRenderer templates = TemplateRenderer.forProject(project.root());
    ProjectModel model = project.model().withGeneratorVersion(versions.purista());
    return write(project, model, RegeneratedFiles.all(model, templates), List.of(), null, List.of(), mode);
  }

  /**
   * Moves a project of the first, single-module layout into the current one (see {@link UpgradeOperation}).
   */
  public ChangeResult upgrade(Path directory, WriteMode mode) {
    try (OpenProject project = open(directory, ENGINE_HOLDER, false)) {
      return new UpgradeOperation(versions, writer).run(project, mode);
    }
  }

  /** Takes the lock of the project containing {@code directory} for {@code purista upgrade}, whatever its layout. */
  public OpenProject openForUpgrade(Path directory, String holder) {
    return open(directory, holder, false);
  }

  public ChangeResult upgrade(OpenProject project, WriteMode mode) {
    return new UpgradeOperation(versions, writer).run(project, mode);
  }

  /**
   * Finds the root of the project containing {@code directory}, for commands that work on the project without
   * its model, such as {@code purista build}.
   *
   * @throws BadInputException when the project has the first, single-module layout (see {@link LayoutCheck})
   */
  public Path findRoot(Path directory) {
    Path root = ProjectLocator.findRoot(directory);
    LayoutCheck.requireCurrent(root);
    return root;
  }

  /**
   * Finds the project containing {@code directory} and reads its model, for reading only: no lock is taken. A
   * project of the first layout is refused, as by {@link #findRoot}.
   */
  public LoadedProject open(Path directory) {
    Path root = findRoot(directory);
    return new LoadedProject(root, codec.fromJson(ModelFileText.decode(readModelBytes(root))));
  }

  /**
   * Finds the project containing {@code directory}, takes its lock (waiting a few seconds for another change to
   * finish) and reads its model. Close the result to release the lock.
   *
   * @param holder what a change that waits for this one is told, such as the command line
   * @throws ProjectBusyException when another change held the lock all that time
   */
  public OpenProject openForChange(Path directory, String holder) {
    return open(directory, holder, true);
  }

  private OpenProject open(Path directory, String holder, boolean currentLayout) {
    Path root = currentLayout ? findRoot(directory) : ProjectLocator.findRoot(directory);
    ProjectLock lock = ProjectLock.acquire(root, holder, ProjectLock.WAIT);
    try {
      byte[] bytes = readModelBytes(root);
      ProjectModel model = codec.fromJson(ModelFileText.decode(bytes));
      if (GeneratorVersion.isNewer(model.generatorVersion(), versions.purista())) {
        throw new BadInputException(ProjectModel.FILE_NAME + " was written by purista " + model.generatorVersion()
            + ", which is newer than this purista " + versions.purista() + "; this version writes nothing to it, "
            + "since it could drop or undo what the newer one recorded",
            "update purista to " + model.generatorVersion() + " or later (run ./install.sh in a newer checkout)");
      }
      return new OpenProject(root, model, bytes, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static byte[] readModelBytes(Path root) {
    try {
      return Files.readAllBytes(root.resolve(ProjectModel.FILE_NAME));
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  private ChangeResult apply(OpenProject project, ProjectChange change, WriteMode mode) {
    TemplateRenderer templates = TemplateRenderer.forProject(project.root());
    ProjectModel before = project.model();
    ProjectModel after = change.model().withGeneratorVersion(versions.purista());
    // After a CLI upgrade every regenerated file may look different: rewrite them all once.
    List<ProposedFile> regenerated = before.generatorVersion().equals(versions.purista())
        ? RegeneratedFiles.changedBy(before, after, templates)
        : RegeneratedFiles.all(after, templates);
    return write(project, after, regenerated, change.userOwnedFiles(), change.mainFile(), change.notes(), mode);
  }

  private ChangeResult write(OpenProject project, ProjectModel updated, List<ProposedFile> regenerated,
      List<ProposedFile> userOwned, String mainFile, List<String> notes, WriteMode mode) {
    FileSystemOutput disk = new FileSystemOutput(project.root());
    FileSystemOutput target = disk.expectingUnchanged(ProjectModel.FILE_NAME, project.modelBytes());
    Plan plan = writer.write(updated, regenerated, userOwned, disk, target, project.model().generatedFiles(), mode);
    return new ChangeResult(project.root(), plan, !mode.dryRun(), mainFile, notes);
  }
}
