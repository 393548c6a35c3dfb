package dev.purista.cli.command;

import dev.purista.cli.engine.AddServiceRequest;
import dev.purista.cli.engine.ChangeResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista add service NAME}. */
final class AddServiceCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The service name in lowerCamelCase, such as 'user' or 'orderHistory'.");
  private final OptionSpec version = CommandSpecBuilder.valueOption("--version", "N",
      "The service version (default: 1).");
  private final OptionSpec description = CommandSpecBuilder.valueOption("--description", "TEXT",
      "One line saying what the service does.");
  private final CommandSpec spec;

  AddServiceCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("service", this)
        .description(
            "Adds a service version: its wiring (<Name>V<N>Service) and typed client (<Name>V<N>Client) are "
                + "generated, and it joins the monolith bootstrap. Add commands and subscriptions to it next.")
        .examples(
            "  purista add service user --description \"Manages users\"",
            "  purista add service user --version 2")
        .helpOption())
        .parameter(name)
        .option(version)
        .option(description)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      String serviceName = prompter.require(name.getValue(), "parameter: 'NAME'", "Service name", List.of());
      String serviceVersion = version.getValue();
      ChangeResult result = context.engine().addService(project,
          new AddServiceRequest(serviceName, serviceVersion, description.getValue()), changes.writeMode());
      return new ProjectChangeFlow.Outcome(result, "Added service " + serviceName + " v"
          + (serviceVersion == null ? "1" : serviceVersion) + ": " + result.mainFile()
          + "\nNext: purista add command NAME --service " + serviceName);
    });
  }
}
