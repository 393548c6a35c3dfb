package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.NewProjectRequest;
import dev.purista.cli.engine.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code purista new project NAME}. */
@Command(name = "project",
    description = {
        "Creates a Maven project that builds on its own: pom.xml pinning this purista version, purista.json, "
            + "README.md, .gitignore, a 'ping' service with one command and its passing test, and a git "
            + "repository with a first commit."},
    footerHeading = "%nExample:%n",
    footer = {
        "  purista new project shop --group-id com.example",
        "  purista new project shop --package com.example.shop --directory services/shop --no-git -B"})
final class NewProjectCmd implements Callable<Integer> {
  private final CliContext context;

  @Spec
  CommandSpec spec;

  @Mixin
  HelpOption help;

  @Mixin
  BatchModeOption batch;

  @Mixin
  DryRunOption dryRun;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
      description = "The project name and artifactId: lower-case letters, digits and dashes, such as 'shop'.")
  String name;

  @Option(names = "--group-id", paramLabel = "GROUP_ID", description = "The Maven groupId (default: com.example).")
  String groupId;

  @Option(names = "--package", paramLabel = "PACKAGE",
      description = "The Java base package (default: GROUP_ID.NAME without dashes).")
  String basePackage;

  @Option(names = "--directory", paramLabel = "DIR",
      description = "The directory to create (default: ./NAME). It must not exist yet.")
  Path directory;

  @Option(names = "--no-git", description = "Do not create a git repository.")
  boolean noGit;

  NewProjectCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Prompter prompter = new Prompter(environment, batch.batchMode, spec);
    String projectName = prompter.require(name, "parameter: 'NAME'", "Project name", List.of());
    Path target = directory == null ? null : environment.workingDirectory().resolve(directory);
    ChangeResult result = context.engine().newProject(
        new NewProjectRequest(projectName, groupId, basePackage, target, !noGit),
        environment.workingDirectory(), new WriteMode(dryRun.dryRun, false));
    Path shown = relativeToWorkingDirectory(environment, result.projectRoot());
    String done = "Created project " + projectName + " in " + shown + (noGit ? "." : ", with a first git commit.")
        + "\nNext: cd " + shown + " && purista build";
    return PlanPrinter.report(result, environment.out(), environment.err(), done);
  }

  private static Path relativeToWorkingDirectory(CliEnvironment environment, Path path) {
    Path workingDirectory = environment.workingDirectory().toAbsolutePath().normalize();
    return path.startsWith(workingDirectory) ? workingDirectory.relativize(path) : path;
  }
}
