package dev.purista.cli.command;

import dev.purista.cli.engine.AddSubscriptionRequest;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.model.EventCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code purista add subscription NAME --service S --event EVENT}. */
final class AddSubscriptionCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final PositionalParamSpec name = CommandSpecBuilder.firstParameter("NAME",
      "The subscription name in lowerCamelCase, such as 'sendWelcome'.");
  private final ServiceTargetOptions serviceOptions =
      new ServiceTargetOptions("The service to add it to.");
  private final OptionSpec event = CommandSpecBuilder.valueOption("--event", "EVENT",
      "The event it reacts to, such as user.signedUp.");
  private final OptionSpec emits = CommandSpecBuilder.valueOption("--emits", "EVENT",
      "Emit its result as this event.");
  private final OptionSpec description = CommandSpecBuilder.valueOption("--description", "TEXT",
      "One line saying what the subscription does.");
  private final CommandSpec spec;

  AddSubscriptionCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("subscription", this)
        .description(
            "Adds a subscription (a reaction to an event) to a service. Writes the handler, its records and a "
                + "passing test, all yours to edit, and regenerates the service's wiring. When one command of the "
                + "project emits the event, the handler receives that command's result record.")
        .examples("  purista add subscription sendWelcome --service email --event user.signedUp --emits email.sent")
        .helpOption())
        .parameter(name)
        .options(serviceOptions)
        .option(event)
        .option(emits)
        .option(description)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      String subscriptionName = prompter.require(name.getValue(), "parameter: 'NAME'", "Subscription name",
          List.of());
      ServiceSelection target = serviceOptions.resolve(prompter, project.model());
      List<String> knownEvents = EventCatalog.of(project.model()).events().stream().map(EventCatalog.Event::name)
          .toList();
      String eventName = prompter.require(event.getValue(), "option: '--event=EVENT'", "Event to react to",
          knownEvents);
      ChangeResult result = context.engine().addSubscription(project,
          new AddSubscriptionRequest(subscriptionName, target.name(), target.version(), description.getValue(),
              eventName, emits.getValue()),
          changes.writeMode());
      return new ProjectChangeFlow.Outcome(result, "Added subscription " + subscriptionName + " to service "
          + target.name() + ". Implement it in " + result.mainFile());
    });
  }
}
