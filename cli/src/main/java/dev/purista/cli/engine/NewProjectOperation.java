package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.CommandSkeleton;
import dev.purista.cli.generate.ProjectFiles;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.generate.RegeneratedFiles;
import dev.purista.cli.generate.ResultExample;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.git.GitRepositoryInitializer;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.HttpRoute;
import dev.purista.cli.model.ProjectInfo;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectOptions;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.naming.NameRules;
import dev.purista.cli.plan.InMemoryOutput;
import dev.purista.cli.plan.NewDirectoryOutput;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a project: the root and services poms, README, .gitignore, {@code purista.json}, one module per
 * target, and a {@code ping} service with one command and its passing test, so that the new project builds, runs and shows the pattern to copy.
 */
final class NewProjectOperation {
  static final String DEFAULT_GROUP_ID = "com.example";
  static final String FIRST_PROJECT_VERSION = "0.1.0-SNAPSHOT";

  private final VersionCatalog versions;
  private final ChangeWriter writer;

  NewProjectOperation(VersionCatalog versions, ChangeWriter writer) {
    this.versions = versions;
    this.writer = writer;
  }

  ChangeResult run(NewProjectRequest request, Path workingDirectory, WriteMode mode) {
    String name = NameRules.projectName(request.name());
    String groupId = NameRules.groupId(request.groupId() != null ? request.groupId() : DEFAULT_GROUP_ID);
    String basePackage = NameRules.packageName(request.basePackage() != null
        ? request.basePackage()
        : groupId.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT) + "." + CaseFormat.packageSegment(name));
    Path target = (request.directory() != null ? workingDirectory.resolve(request.directory())
        : workingDirectory.resolve(name)).toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new BadInputException("the directory " + target + " already exists",
          "choose another project name, or another place with --directory");
    }

    List<TargetKind> kinds = TargetSelection.kinds(request.targets().isEmpty()
        ? List.of(TargetModel.MONOLITH) : request.targets());
    ServiceModel ping = ServiceModel.of("ping", "1", "Answers pings; a first service to copy from")
        .withCommand(new CommandModel("ping", "Answers pong", HttpRoute.of("GET", "ping").asPublic(), null));
    ProjectModel model = ProjectModel.create(versions.purista(),
            new ProjectInfo(name, groupId, name, FIRST_PROJECT_VERSION, basePackage),
            new ProjectOptions(versions.javaRelease()))
        .withService(ping);
    model = TargetSelection.apply(model.withTargets(List.of()), kinds, request.bridge(), List.of());
    ProjectLayout layout = new ProjectLayout(basePackage);

    TemplateRenderer templates = TemplateRenderer.bundled();
    List<ProposedFile> userOwned = new ArrayList<>(ProjectFiles.render(templates, model, versions));
    userOwned.addAll(CommandSkeleton.files(layout, ping, ping.commands().get(0), new ResultExample("message", "pong")));

    NewDirectoryOutput.FinishingStep finish = request.git() && !mode.dryRun()
        ? staged -> GitRepositoryInitializer.initWithFirstCommit(staged,
            "Create " + name + " with purista " + versions.purista())
        : NewDirectoryOutput.FinishingStep.NONE;
    Plan plan = writer.write(model, RegeneratedFiles.all(model, templates), userOwned, new InMemoryOutput(),
        new NewDirectoryOutput(target, finish), Map.of(), mode);
    String mainFile = ProjectLayout.mainSource(layout.commandHandler(ping, ping.commands().get(0)));
    return new ChangeResult(target, plan, !mode.dryRun(), mainFile, List.of());
  }
}
