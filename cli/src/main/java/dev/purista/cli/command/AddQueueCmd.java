package dev.purista.cli.command;

import dev.purista.cli.engine.AddQueueRequest;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista add queue NAME --service S}. */
final class AddQueueCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The queue name in lowerCamelCase, such as 'welcomeMail'; unique in the project.");
  private final ServiceTargetOptions serviceOptions =
      new ServiceTargetOptions("The service whose handlers enqueue its jobs.");
  private final OptionSpec maxAttempts = CommandSpecBuilder.valueOption("--max-attempts", "N",
      "Attempts before a failing job is dead-lettered (1 to " + NameRules.MAX_ATTEMPTS + "); the runtime's "
          + "default is " + QueueModel.RUNTIME_DEFAULT_MAX_ATTEMPTS + ".");
  private final OptionSpec description = CommandSpecBuilder.valueOption("--description", "TEXT",
      "One line saying what its jobs are for.");
  private final CommandSpec spec;

  AddQueueCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("queue", this)
        .description(
            "Adds a queue of jobs to a service: work that must run, but not in the caller's request. Writes the "
                + "job record, yours to edit, and regenerates the service's queues class, whose typed method "
                + "enqueues a job from the service's handlers, and its wiring. Jobs are leased: retried with a "
                + "backoff, dead-lettered after the last attempt. Add the code that works them with 'purista add "
                + "queue-worker'.")
        .examples("  purista add queue welcomeMail --service email --description \"Mails to send\"",
            "  purista add queue chargeCard --service billing --max-attempts 3")
        .helpOption())
        .parameter(name)
        .options(serviceOptions)
        .option(maxAttempts)
        .option(description)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      String queueName = prompter.require(name.getValue(), "parameter: 'NAME'", "Queue name", List.of());
      ServiceSelection target = serviceOptions.resolve(prompter, project.model());
      ChangeResult result = context.engine().addQueue(project,
          new AddQueueRequest(queueName, target.name(), target.version(), description.getValue(),
              attempts(maxAttempts.getValue())),
          changes.writeMode());
      // The engine accepted the service, so without --service-version it has exactly one version.
      String version = target.version() != null ? target.version()
          : project.model().serviceVersions(target.name()).get(0).version();
      String queuesClass = new ProjectLayout(project.model().project().basePackage())
          .queuesClass(ServiceModel.of(target.name(), version, "")).simpleName();
      return new ProjectChangeFlow.Outcome(result, "Added queue " + queueName + " to service " + target.name()
          + ". Describe its jobs in " + result.mainFile() + ", enqueue them from a handler with new " + queuesClass
          + "(context.queues())." + ProjectLayout.enqueueMethod(queueName) + "(job), and add a worker with "
          + "'purista add queue-worker NAME --service SERVICE --queue " + queueName + "'.");
    });
  }

  private static Integer attempts(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new BadInputException("--max-attempts '" + value + "' is not a whole number",
          "give the number of attempts, such as --max-attempts 5");
    }
  }
}
