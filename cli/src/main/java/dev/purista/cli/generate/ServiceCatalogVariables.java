package dev.purista.cli.generate;

import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The template variables of the service catalog's index and pages. Cell values are prepared here (code spans,
 * "-" for nothing, escaped pipes), so the templates stay plain; and equal variables mean an equal file, which is
 * how {@link ServiceCatalog#changedBy} tells the pages a change leaves alone.
 */
final class ServiceCatalogVariables {
  private static final String NONE = "-";

  private ServiceCatalogVariables() {
  }

  /** The index: the project's name and each service's name, version, page and description. */
  static Map<String, Object> index(ProjectModel model) {
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceModel service : model.services()) {
      services.add(Map.of(
          "name", service.name(),
          "version", service.version(),
          "slug", slug(service),
          "description", cell(service.description())));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", model.project().name());
    variables.put("hasServices", !services.isEmpty());
    variables.put("services", services);
    return variables;
  }

  /** {@code user-v1}: the page's file name, without {@code .md} (the manifest's target of {@code docs/service.md}). */
  static String slug(ServiceModel service) {
    return service.name() + "-v" + service.version();
  }

  /** One service's page; {@code events} is {@link EventCatalog#of} the same model. */
  static Map<String, Object> page(ProjectModel model, EventCatalog events, ServiceModel service) {
    List<Map<String, Object>> commands = new ArrayList<>();
    for (CommandModel command : service.commands()) {
      commands.add(Map.of(
          "name", command.name(),
          "http", command.httpRoute().map(r -> "`" + r.method() + " /api/v" + service.version() + "/" + r.path()
              + "`" + (r.isPublic() ? " (public)" : "")).orElse(NONE),
          "successEvent", command.successEventName().map(e -> "`" + e + "`").orElse(NONE),
          "description", cell(command.description())));
    }
    List<Map<String, Object>> subscriptions = new ArrayList<>();
    for (SubscriptionModel subscription : service.subscriptions()) {
      subscriptions.add(Map.of(
          "name", subscription.name(),
          "event", subscription.event(),
          "emits", subscription.emitsEvent().map(e -> "`" + e + "`").orElse(NONE),
          "description", cell(subscription.description())));
    }
    List<Map<String, Object>> queues = new ArrayList<>();
    for (QueueModel queue : service.queues()) {
      List<String> workers = new ArrayList<>();
      for (ServiceModel other : model.services()) {
        other.queueWorkers().stream().filter(w -> w.queue().equals(queue.name()))
            .forEach(w -> workers.add(other.label() + " " + w.name()));
      }
      queues.add(Map.of(
          "name", queue.name(),
          "maxAttempts", queue.maxAttemptsSetting().map(String::valueOf)
              .orElse(QueueModel.RUNTIME_DEFAULT_MAX_ATTEMPTS + " (default)"),
          "workedBy", workers.isEmpty() ? NONE : String.join(", ", workers),
          "description", cell(queue.description())));
    }
    List<Map<String, Object>> queueWorkers = new ArrayList<>();
    for (QueueWorkerModel worker : service.queueWorkers()) {
      queueWorkers.add(Map.of(
          "name", worker.name(),
          "queue", worker.queue(),
          "description", cell(worker.description())));
    }
    List<Map<String, Object>> eventRows = new ArrayList<>();
    for (String name : eventsOf(service)) {
      events.event(name).ifPresent(event -> eventRows.add(Map.of(
          "name", event.name(),
          "constant", event.constantName(),
          "emittedBy", emittedBy(event),
          "receivedBy", receivedBy(event))));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", model.project().name());
    variables.put("name", service.name());
    variables.put("version", service.version());
    variables.put("hasDescription", !service.description().isEmpty());
    variables.put("description", service.description());
    variables.put("hasCommands", !commands.isEmpty());
    variables.put("commands", commands);
    variables.put("hasSubscriptions", !subscriptions.isEmpty());
    variables.put("subscriptions", subscriptions);
    variables.put("hasQueues", !queues.isEmpty());
    variables.put("queues", queues);
    variables.put("hasQueueWorkers", !queueWorkers.isEmpty());
    variables.put("queueWorkers", queueWorkers);
    variables.put("hasEvents", !eventRows.isEmpty());
    variables.put("events", eventRows);
    return variables;
  }

  /** The "Emitted by" cell of an event's row: every function of the project that emits it. */
  static String emittedBy(EventCatalog.Event event) {
    return event.producers().isEmpty() ? "outside the project"
        : event.producers().stream().map(EventCatalog.Producer::label).collect(Collectors.joining(", "));
  }

  /** The "Received by" cell of an event's row: every subscription of the project to it. */
  static String receivedBy(EventCatalog.Event event) {
    return event.subscribers().isEmpty() ? NONE : String.join(", ", event.subscribers());
  }

  /** The events the service emits or receives, sorted by name as in {@link EventCatalog}. */
  static Set<String> eventsOf(ServiceModel service) {
    Set<String> names = new TreeSet<>();
    for (CommandModel command : service.commands()) {
      command.successEventName().ifPresent(names::add);
    }
    for (SubscriptionModel subscription : service.subscriptions()) {
      names.add(subscription.event());
      subscription.emitsEvent().ifPresent(names::add);
    }
    return names;
  }

  /** A Markdown table cell: a pipe would end the cell. */
  private static String cell(String text) {
    return text.isEmpty() ? NONE : text.replace("|", "\\|");
  }
}
