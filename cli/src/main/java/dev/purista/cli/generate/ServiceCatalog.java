package dev.purista.cli.generate;

import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.plan.Ownership;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateEntry;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/services.md}, the regenerated catalog of services, commands, subscriptions, queues, queue
 * workers and events.
 * It is Markdown, so it comes from a template, and a project can restyle it with a template override. Cell
 * values are prepared here (code spans, "-" for nothing, escaped pipes), so the template stays plain.
 */
final class ServiceCatalog {
  static final String TEMPLATE = "docs/services.md";
  private static final String NONE = "-";

  private ServiceCatalog() {
  }

  /** @param events the model's events (see {@link EventCatalog}), which the caller has at hand already */
  static ProposedFile render(TemplateRenderer renderer, ProjectModel model, List<EventCatalog.Event> events) {
    TemplateEntry entry = renderer.manifest().entry(TEMPLATE)
        .orElseThrow(() -> new IllegalStateException("the manifest lacks " + TEMPLATE));
    return new ProposedFile(entry.target(), renderer.render(entry, variables(model, events)),
        Ownership.REGENERATED);
  }

  static Map<String, Object> variables(ProjectModel model, List<EventCatalog.Event> modelEvents) {
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceModel service : model.services()) {
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
            "maxAttempts", queue.maxAttemptsSetting().map(String::valueOf).orElse(QueueModel.RUNTIME_DEFAULT_MAX_ATTEMPTS + " (default)"),
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
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", service.name());
      entry.put("version", service.version());
      entry.put("hasDescription", !service.description().isEmpty());
      entry.put("description", service.description());
      entry.put("hasCommands", !commands.isEmpty());
      entry.put("commands", commands);
      entry.put("hasSubscriptions", !subscriptions.isEmpty());
      entry.put("subscriptions", subscriptions);
      entry.put("hasQueues", !queues.isEmpty());
      entry.put("queues", queues);
      entry.put("hasQueueWorkers", !queueWorkers.isEmpty());
      entry.put("queueWorkers", queueWorkers);
      services.add(entry);
    }
    List<Map<String, Object>> events = new ArrayList<>();
    for (EventCatalog.Event event : modelEvents) {
      events.add(Map.of(
          "name", event.name(),
          "constant", event.constantName(),
          "emittedBy", event.producers().isEmpty() ? "outside the project"
              : event.producers().stream().map(EventCatalog.Producer::label).collect(Collectors.joining(", ")),
          "receivedBy", event.subscribers().isEmpty() ? NONE : String.join(", ", event.subscribers())));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", model.project().name());
    variables.put("services", services);
    variables.put("hasEvents", !events.isEmpty());
    variables.put("events", events);
    return variables;
  }

  /** A Markdown table cell: a pipe would end the cell. */
  private static String cell(String text) {
    return text.isEmpty() ? NONE : text.replace("|", "\\|");
  }
}
