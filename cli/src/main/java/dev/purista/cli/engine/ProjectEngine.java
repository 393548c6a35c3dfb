package dev.purista.cli.engine;

import dev.purista.cli.failure.IoFailureMessage;
import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.model.ProjectLocator;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectModelCodec;
import dev.purista.cli.plan.FileSystemOutput;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.template.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's engine, callable from code without the command line: create a project, add services, commands and
 * subscriptions, regenerate the wiring. Every method validates all input before it plans, plans before it
 * writes, and writes all files or none. Failures are {@link dev.purista.cli.failure.CliFailure}s that say what
 * to do.
 *
 * <pre>{@code
 * ProjectEngine engine = new ProjectEngine(VersionCatalog.bundled());
 * engine.newProject(new NewProjectRequest("shop", "com.example", null, null, false), workDir, WriteMode.WRITE);
 * engine.addService(workDir.resolve("shop"), new AddServiceRequest("user", null, null), WriteMode.WRITE);
 * }</pre>
 */
public final class ProjectEngine {
  private final VersionCatalog versions;
  private final ProjectModelCodec codec = new ProjectModelCodec();
  private final ChangeWriter writer = new ChangeWriter(codec);

  public ProjectEngine(VersionCatalog versions) {
    this.versions = versions;
  }

  /** Creates a project under {@code workingDirectory} (or at the request's directory). */
  public ChangeResult newProject(NewProjectRequest request, Path workingDirectory, WriteMode mode) {
    return new NewProjectOperation(versions, writer).run(request, workingDirectory, mode);
  }

  public ChangeResult addService(Path directory, AddServiceRequest request, WriteMode mode) {
    LoadedProject project = open(directory);
    return apply(project, AddServiceOperation.change(project.model(), request), mode);
  }

  public ChangeResult addCommand(Path directory, AddCommandRequest request, WriteMode mode) {
    LoadedProject project = open(directory);
    return apply(project, AddCommandOperation.change(project.model(), request), mode);
  }

  public ChangeResult addSubscription(Path directory, AddSubscriptionRequest request, WriteMode mode) {
    LoadedProject project = open(directory);
    try {
      ProjectChange change = AddSubscriptionOperation.change(project.model(), request,
          new FileSystemOutput(project.root()));
      return apply(project, change, mode);
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  /** Rewrites every regenerated file from {@code purista.json}, for example after a template change. */
  public ChangeResult regenerate(Path directory, WriteMode mode) {
    LoadedProject project = open(directory);
    return apply(project, new ProjectChange(project.model(), List.of(), null, List.of()), mode);
  }

  /** Finds the project containing {@code directory} and reads its model. */
  public LoadedProject open(Path directory) {
    Path root = ProjectLocator.findRoot(directory);
    try {
      String json = new FileSystemOutput(root).read(ProjectModel.FILE_NAME).orElseThrow();
      return new LoadedProject(root, codec.fromJson(json));
    } catch (IOException e) {
      throw new OperationFailedException("could not read the project: " + IoFailureMessage.describe(e), e);
    }
  }

  private ChangeResult apply(LoadedProject project, ProjectChange change, WriteMode mode) {
    FileSystemOutput disk = new FileSystemOutput(project.root());
    ProjectModel updated = change.model().withGeneratorVersion(versions.purista());
    Plan plan = writer.write(updated, change.userOwnedFiles(), TemplateRenderer.forProject(project.root()), disk, disk,
        project.model().generatedFiles(), mode);
    return new ChangeResult(project.root(), plan, !mode.dryRun(), change.mainFile(), change.notes());
  }
}
