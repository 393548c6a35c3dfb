package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.AddServiceRequest;
import dev.purista.cli.engine.ChangeResult;
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

/** {@code purista add service NAME}. */
@Command(name = "service",
    description = {
        "Adds a service version: its wiring (<Name>V<N>Service) and typed client (<Name>V<N>Client) are "
            + "generated, and it joins the monolith bootstrap. Add commands and subscriptions to it next."},
    footerHeading = "%nExample:%n",
    footer = {
        "  purista add service user --description \"Manages users\"",
        "  purista add service user --version 2"})
final class AddServiceCmd implements Callable<Integer> {
  private final CliContext context;

  @Spec
  CommandSpec spec;

  @Mixin
  HelpOption help;

  @Mixin
  ProjectDirectoryOption project;

  @Mixin
  BatchModeOption batch;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  ForceOption force;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
      description = "The service name in lowerCamelCase, such as 'user' or 'orderHistory'.")
  String name;

  @Option(names = "--version", paramLabel = "N", description = "The service version (default: 1).")
  String version;

  @Option(names = "--description", paramLabel = "TEXT", description = "One line saying what the service does.")
  String description;

  AddServiceCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Path directory = project.resolve(context);
    // Outside a project, say so before asking anything.
    context.engine().open(directory);
    String serviceName = new Prompter(environment, batch.batchMode, spec)
        .require(name, "parameter: 'NAME'", "Service name", List.of());
    ChangeResult result = context.engine().addService(directory,
        new AddServiceRequest(serviceName, version, description), new WriteMode(dryRun.dryRun, force.force));
    String done = "Added service " + serviceName + " v" + (version == null ? "1" : version) + ": "
        + result.mainFile() + "\nNext: purista add command NAME --service " + serviceName;
    return PlanPrinter.report(result, environment.out(), environment.err(), done);
  }
}
