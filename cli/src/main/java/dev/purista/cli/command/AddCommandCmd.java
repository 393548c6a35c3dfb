package dev.purista.cli.command;

import dev.purista.cli.engine.AddCommandRequest;
import dev.purista.cli.engine.ChangeResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista add command NAME --service S}. */
final class AddCommandCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The command name in lowerCamelCase, such as 'signUp'.");
  private final ServiceTargetOptions serviceOptions =
      new ServiceTargetOptions("The service to add it to.");
  private final OptionSpec description = CommandSpecBuilder.valueOption("--description", "TEXT",
      "One line saying what the command does.");
  private final OptionSpec http = CommandSpecBuilder.valueOption("--http", "METHOD:PATH",
      "Expose it over HTTP, such as POST:users or GET:users/{id}. Path variables become components of the "
          + "parameter record. The route is protected unless --public is given.");
  private final OptionSpec publicRoute = CommandSpecBuilder.flag("Make the --http route public: callable without "
      + "authentication. Without it the route is protected and answers 401 until the application configures an "
      + "authenticator.", "--public");
  private final OptionSpec emits = CommandSpecBuilder.valueOption("--emits", "EVENT",
      "Emit its result as this success event, such as user.signedUp.");
  private final CommandSpec spec;

  AddCommandCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("command", this)
        .description(
            "Adds a command (request/response) to a service. Writes the handler, its payload, parameter and result "
                + "records and a passing test, all yours to edit, and regenerates the service's wiring and client.")
        .examples(
            "  purista add command signUp --service user --http POST:users --emits user.signedUp",
            "  purista add command getUser --service user --http GET:users/{id} --description \"Reads one user\"",
            "  purista add command listProducts --service catalog --http GET:products --public")
        .helpOption())
        .parameter(name)
        .options(serviceOptions)
        .option(description)
        .option(http)
        .option(publicRoute)
        .option(emits)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      String commandName = prompter.require(name.getValue(), "parameter: 'NAME'", "Command name", List.of());
      ServiceSelection target = serviceOptions.resolve(prompter, project.model());
      ChangeResult result = context.engine().addCommand(project,
          new AddCommandRequest(commandName, target.name(), target.version(), description.getValue(),
              http.getValue(), CommandSpecBuilder.isSet(publicRoute), emits.getValue()),
          changes.writeMode());
      return new ProjectChangeFlow.Outcome(result, "Added command " + commandName + " to service " + target.name()
          + ". Implement it in " + result.mainFile());
    });
  }
}
