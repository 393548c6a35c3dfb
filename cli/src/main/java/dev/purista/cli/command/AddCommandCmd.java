package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.AddCommandRequest;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.LoadedProject;
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

/** {@code purista add command NAME --service S}. */
@Command(name = "command",
    description = {
        "Adds a command (request/response) to a service. Writes the handler, its payload, parameter and result "
            + "records and a passing test, all yours to edit, and regenerates the service's wiring and client."},
    footerHeading = "%nExample:%n",
    footer = {
        "  purista add command signUp --service user --http POST:users --emits user.signedUp",
        "  purista add command getUser --service user --http GET:users/{id} --description \"Reads one user\""})
final class AddCommandCmd implements Callable<Integer> {
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
      description = "The command name in lowerCamelCase, such as 'signUp'.")
  String name;

  @Option(names = "--service", paramLabel = "SERVICE", description = "The service to add it to.")
  String service;

  @Option(names = "--service-version", paramLabel = "N",
      description = "The service version; needed only when the service has several.")
  String serviceVersion;

  @Option(names = "--description", paramLabel = "TEXT", description = "One line saying what the command does.")
  String description;

  @Option(names = "--http", paramLabel = "METHOD:PATH",
      description = "Expose it over HTTP, such as POST:users or GET:users/{id}. Path variables become "
          + "components of the parameter record.")
  String http;

  @Option(names = "--emits", paramLabel = "EVENT",
      description = "Emit its result as this success event, such as user.signedUp.")
  String emits;

  AddCommandCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Path directory = project.resolve(context);
    LoadedProject loaded = context.engine().open(directory);
    Prompter prompter = new Prompter(environment, batch.batchMode, spec);
    String commandName = prompter.require(name, "parameter: 'NAME'", "Command name", List.of());
    ServiceSelection target = ServiceSelection.resolve(prompter, loaded.model(), service, serviceVersion);
    ChangeResult result = context.engine().addCommand(directory,
        new AddCommandRequest(commandName, target.name(), target.version(), description, http, emits),
        new WriteMode(dryRun.dryRun, force.force));
    String done = "Added command " + commandName + " to service " + target.name() + ". Implement it in "
        + result.mainFile();
    return PlanPrinter.report(result, environment.out(), environment.err(), done);
  }
}
