package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.AddSubscriptionRequest;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.LoadedProject;
import dev.purista.cli.engine.WriteMode;
import dev.purista.cli.model.EventCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code purista add subscription NAME --service S --event EVENT}. */
@Command(name = "subscription",
    description = {
        "Adds a subscription (a reaction to an event) to a service. Writes the handler, its records and a "
            + "passing test, all yours to edit, and regenerates the service's wiring. When one command of the "
            + "project emits the event, the handler receives that command's result record."},
    footerHeading = "%nExample:%n",
    footer = "  purista add subscription sendWelcome --service email --event user.signedUp --emits email.sent")
final class AddSubscriptionCmd implements Callable<Integer> {
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
      description = "The subscription name in lowerCamelCase, such as 'sendWelcome'.")
  String name;

  @Option(names = "--service", paramLabel = "SERVICE", description = "The service to add it to.")
  String service;

  @Option(names = "--service-version", paramLabel = "N",
      description = "The service version; needed only when the service has several.")
  String serviceVersion;

  @Option(names = "--event", paramLabel = "EVENT", description = "The event it reacts to, such as user.signedUp.")
  String event;

  @Option(names = "--emits", paramLabel = "EVENT", description = "Emit its result as this event.")
  String emits;

  @Option(names = "--description", paramLabel = "TEXT",
      description = "One line saying what the subscription does.")
  String description;

  AddSubscriptionCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Path directory = project.resolve(context);
    LoadedProject loaded = context.engine().open(directory);
    Prompter prompter = new Prompter(environment, batch.batchMode, spec);
    String subscriptionName = prompter.require(name, "parameter: 'NAME'", "Subscription name", List.of());
    ServiceSelection target = ServiceSelection.resolve(prompter, loaded.model(), service, serviceVersion);
    List<String> knownEvents = EventCatalog.of(loaded.model()).events().stream().map(EventCatalog.Event::name)
        .toList();
    String eventName = prompter.require(event, "option: '--event=EVENT'", "Event to react to", knownEvents);
    ChangeResult result = context.engine().addSubscription(directory,
        new AddSubscriptionRequest(subscriptionName, target.name(), target.version(), description, eventName, emits),
        new WriteMode(dryRun.dryRun, force.force));
    String done = "Added subscription " + subscriptionName + " to service " + target.name() + ". Implement it in "
        + result.mainFile();
    return PlanPrinter.report(result, environment.out(), environment.err(), done);
  }
}
