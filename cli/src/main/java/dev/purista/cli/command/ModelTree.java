package dev.purista.cli.command;

import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectInfo;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.model.TargetModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code purista list} for people: the project as a tree of services, their commands, subscriptions, queues and
 * queue workers, and its events. ASCII only, so it reads the same in every terminal and log.
 */
final class ModelTree {
  private ModelTree() {
  }

  static void print(ProjectModel model, PrintWriter out) {
    ProjectInfo project = model.project();
    out.println(project.name() + " (" + project.groupId() + ":" + project.artifactId() + ":" + project.version()
        + ", package " + project.basePackage() + ")");
    List<ServiceModel> services = model.services();
    for (int i = 0; i < services.size(); i++) {
      ServiceModel service = services.get(i);
      boolean lastService = i == services.size() - 1;
      out.println(branch(lastService) + "service " + service.label() + describe(service.description()));
      List<String> functions = new ArrayList<>();
      for (CommandModel command : service.commands()) {
        functions.add("command " + command.name() + details(command) + describe(command.description()));
      }
      for (SubscriptionModel subscription : service.subscriptions()) {
        functions.add("subscription " + subscription.name() + "  on " + subscription.event()
            + subscription.emitsEvent().map(e -> ", emits " + e).orElse("") + describe(subscription.description()));
      }
      for (QueueModel queue : service.queues()) {
        functions.add("queue " + queue.name() + queue.maxAttemptsSetting().map(n -> "  max attempts " + n).orElse("")
            + describe(queue.description()));
      }
      for (QueueWorkerModel worker : service.queueWorkers()) {
        functions.add("queue worker " + worker.name() + "  on queue " + worker.queue()
            + describe(worker.description()));
      }
      for (int j = 0; j < functions.size(); j++) {
        out.println((lastService ? "    " : "|   ") + branch(j == functions.size() - 1) + functions.get(j));
      }
    }
    List<EventCatalog.Event> events = EventCatalog.of(model).events();
    if (!events.isEmpty()) {
      out.println("events");
      for (int i = 0; i < events.size(); i++) {
        EventCatalog.Event event = events.get(i);
        String from = event.producers().isEmpty() ? "from outside the project"
            : "from " + event.producers().stream().map(EventCatalog.Producer::label).collect(Collectors.joining(", "));
        String to = event.subscribers().isEmpty() ? "" : ", to " + String.join(", ", event.subscribers());
        out.println(branch(i == events.size() - 1) + event.name() + "  " + from + to);
      }
    }
    out.println("targets: " + model.targets().stream().map(ModelTree::describe).collect(Collectors.joining(", ")));
  }

  private static String details(CommandModel command) {
    List<String> parts = new ArrayList<>();
    command.httpRoute().ifPresent(route -> parts.add(route.toString()));
    command.successEventName().ifPresent(event -> parts.add("emits " + event));
    return parts.isEmpty() ? "" : "  " + String.join(", ", parts);
  }

  private static String describe(String description) {
    return description.isEmpty() ? "" : ": " + description;
  }

  private static String describe(TargetModel target) {
    return target.name() + " (" + target.bridge() + " bridge)";
  }

  private static String branch(boolean last) {
    return last ? "`-- " : "+-- ";
  }
}
