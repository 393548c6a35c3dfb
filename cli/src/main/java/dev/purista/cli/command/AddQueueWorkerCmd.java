package dev.purista.cli.command;

import dev.purista.cli.engine.AddQueueWorkerRequest;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.model.QueueModel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista add queue-worker NAME --service S --queue Q}. */
final class AddQueueWorkerCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The worker name in lowerCamelCase, such as 'sendWelcomeMail'.");
  private final ServiceTargetOptions serviceOptions =
      new ServiceTargetOptions("The service that runs the worker.");
  private final OptionSpec queue = CommandSpecBuilder.valueOption("--queue", "QUEUE",
      "The queue it works: a queue of this service or of any other service of the project.");
  private final OptionSpec description = CommandSpecBuilder.valueOption("--description", "TEXT",
      "One line saying what the worker does.");
  private final CommandSpec spec;

  AddQueueWorkerCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("queue-worker", this)
        .description(
            "Adds a queue worker to a service: the code that works the jobs of a queue, one at a time per "
                + "service instance, with instances competing for jobs. Writes the handler and a passing test, "
                + "yours to edit, and regenerates the service's wiring. The queue may belong to another service "
                + "(add it with 'purista add queue'); the handler then reads that service's job record.")
        .examples("  purista add queue-worker sendWelcomeMail --service email --queue welcomeMail")
        .helpOption())
        .parameter(name)
        .options(serviceOptions)
        .option(queue)
        .option(description)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      String workerName = prompter.require(name.getValue(), "parameter: 'NAME'", "Queue worker name", List.of());
      ServiceSelection target = serviceOptions.resolve(prompter, project.model());
      List<String> knownQueues = project.model().services().stream()
          .flatMap(s -> s.queues().stream().map(QueueModel::name))
          .toList();
      String queueName = prompter.require(queue.getValue(), "option: '--queue=QUEUE'", "Queue to work",
          knownQueues);
      ChangeResult result = context.engine().addQueueWorker(project,
          new AddQueueWorkerRequest(workerName, target.name(), target.version(), description.getValue(),
              queueName),
          changes.writeMode());
      return new ProjectChangeFlow.Outcome(result, "Added queue worker " + workerName + " on queue " + queueName
          + " to service " + target.name() + ". Implement it in " + result.mainFile());
    });
  }
}
