package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.NewProjectRequest;
import dev.purista.cli.engine.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista new project NAME}. */
final class NewProjectCmd implements Callable<Integer> {
  private final CliContext context;
  private final BatchModeOption batch = new BatchModeOption();
  private final DryRunOption dryRun = new DryRunOption();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The project name and artifactId: lower-case letters, digits and dashes, such as 'shop'.");
  private final OptionSpec groupId = CommandSpecBuilder.valueOption("--group-id", "GROUP_ID",
      "The Maven groupId (default: com.example).");
  private final OptionSpec basePackage = CommandSpecBuilder.valueOption("--package", "PACKAGE",
      "The Java base package (default: GROUP_ID.NAME without dashes).");
  private final OptionSpec directory = OptionSpec.builder("--directory").paramLabel("DIR").type(Path.class)
      .description("The directory to create (default: ./NAME). It must not exist yet.").build();
  private final OptionSpec targets = OptionSpec.builder("--targets").paramLabel("TARGET[,TARGET...]")
      .type(List.class).auxiliaryTypes(String.class).splitRegex(",")
      .description("The deployment targets: monolith, microservice, lambda, edge, or all (default: monolith). "
          + "'purista gen bootstrap' adds more later.").build();
  private final OptionSpec bridge = CommandSpecBuilder.valueOption("--bridge", "BRIDGE",
      "The default bridge of the microservice (amqp, nats, mqtt) and edge (mqtt) targets.");
  private final OptionSpec noGit = CommandSpecBuilder.flag("Do not create a git repository.", "--no-git");
  private final CommandSpec spec;

  NewProjectCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("project", this)
        .description(
            "Creates a Maven project that builds on its own: a root pom.xml pinning this purista version, a "
                + "services module with a 'ping' service, one command and its passing test, one module per "
                + "deployment target under targets/, purista.json, README.md, .gitignore, and a git repository "
                + "with a first commit.")
        .examples(
            "  purista new project shop --group-id com.example",
            "  purista new project shop --targets monolith,microservice --bridge nats",
            "  purista new project shop --package com.example.shop --directory services/shop --no-git -B")
        .helpOption()
        .option(batch.option())
        .option(dryRun.option())
        .parameter(name)
        .option(groupId)
        .option(basePackage)
        .option(directory)
        .option(targets)
        .option(bridge)
        .option(noGit)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Prompter prompter = new Prompter(environment, batch.batchMode(), spec);
    String projectName = prompter.require(name.getValue(), "parameter: 'NAME'", "Project name", List.of());
    Path given = directory.getValue();
    Path target = given == null ? null : environment.workingDirectory().resolve(given);
    boolean git = !CommandSpecBuilder.isSet(noGit);
    ChangeResult result = context.engine().newProject(
        new NewProjectRequest(projectName, groupId.getValue(), basePackage.getValue(), target, git,
            targets.getValue(), bridge.getValue()),
        environment.workingDirectory(), new WriteMode(dryRun.dryRun(), false));
    Path shown = relativeToWorkingDirectory(environment, result.projectRoot());
    String done = "Created project " + projectName + " in " + shown + (git ? ", with a first git commit." : ".")
        + "\nNext: cd " + shown + " && purista build";
    return PlanPrinter.report(result, environment.out(), environment.err(), done);
  }

  private static Path relativeToWorkingDirectory(CliEnvironment environment, Path path) {
    Path workingDirectory = environment.workingDirectory().toAbsolutePath().normalize();
    return path.startsWith(workingDirectory) ? workingDirectory.relativize(path) : path;
  }
}
