package dev.purista.cli.generate;

import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the regenerated service catalog: {@code docs/services.md}, an index of the services, and one page per
 * service version, {@code docs/services/<name>-v<version>.md}, with its commands, subscriptions, queues, queue
 * workers and the events it emits or receives.
 * The catalog is split so that a change renders only the pages it alters (see {@link #changedBy}): a project of
 * fifty services does not re-render fifty services' tables for one new command. Both are Markdown, so they come
 * from templates, and a project can restyle them with template overrides.
 */
final class ServiceCatalog {
  static final String INDEX_TEMPLATE = "docs/services.md";
  static final String PAGE_TEMPLATE = "docs/service.md";

  private ServiceCatalog() {
  }

  /** The index and every service's page. */
  static List<ProposedFile> all(TemplateRenderer renderer, ProjectModel model) {
    List<ProposedFile> files = new ArrayList<>();
    files.add(TemplateFiles.render(renderer, INDEX_TEMPLATE, model, ServiceCatalogVariables.index(model)));
    EventCatalog events = EventCatalog.of(model);
    for (ServiceModel service : model.services()) {
      files.add(TemplateFiles.render(renderer, PAGE_TEMPLATE, model,
          ServiceCatalogVariables.page(model, events, service)));
    }
    return files;
  }

  /**
   * The index when the list of services changed, and the pages a change from {@code before} to {@code after}
   * can alter: those of the services that changed, and those of the services that show what changed elsewhere,
   * namely the services that emit or receive an event whose emitters or receivers changed, and the owners of the
   * queues whose workers changed. The pages of the other services are neither rendered nor read.
   */
  static List<ProposedFile> changedBy(TemplateRenderer renderer, ProjectModel before, ProjectModel after) {
    List<ProposedFile> files = new ArrayList<>();
    boolean projectChanged = !before.project().equals(after.project());
    Map<String, Object> index = ServiceCatalogVariables.index(after);
    if (projectChanged || !index.equals(ServiceCatalogVariables.index(before))) {
      files.add(TemplateFiles.render(renderer, INDEX_TEMPLATE, after, index));
    }
    Set<String> pages = projectChanged ? labels(after) : pagesChangedBy(before, after);
    if (pages.isEmpty()) {
      return files;
    }
    EventCatalog events = EventCatalog.of(after);
    for (ServiceModel service : after.services()) {
      if (pages.contains(service.label())) {
        files.add(TemplateFiles.render(renderer, PAGE_TEMPLATE, after,
            ServiceCatalogVariables.page(after, events, service)));
      }
    }
    return files;
  }

  private static Set<String> pagesChangedBy(ProjectModel before, ProjectModel after) {
    Map<String, ServiceModel> previous = new HashMap<>();
    before.services().forEach(service -> previous.put(service.label(), service));
    Set<String> pages = new HashSet<>();
    Set<String> events = new HashSet<>();
    Set<String> queues = new HashSet<>();
    for (ServiceModel service : after.services()) {
      ServiceModel old = previous.remove(service.label());
      if (!service.equals(old)) {
        pages.add(service.label());
        touch(service, events, queues);
        if (old != null) {
          touch(old, events, queues);
        }
      }
    }
    previous.values().forEach(removed -> touch(removed, events, queues));
    if (events.isEmpty() && queues.isEmpty()) {
      return pages;
    }
    EventCatalog eventsBefore = EventCatalog.of(before);
    EventCatalog eventsAfter = EventCatalog.of(after);
    events.removeIf(name -> sameRow(eventsBefore.event(name), eventsAfter.event(name)));
    for (ServiceModel service : after.services()) {
      if (!Collections.disjoint(ServiceCatalogVariables.eventsOf(service), events)
          || service.queues().stream().anyMatch(queue -> queues.contains(queue.name()))) {
        pages.add(service.label());
      }
    }
    return pages;
  }

  /** Collects the events a changed service emits or receives, and the queues its workers work. */
  private static void touch(ServiceModel service, Set<String> events, Set<String> queues) {
    events.addAll(ServiceCatalogVariables.eventsOf(service));
    for (QueueWorkerModel worker : service.queueWorkers()) {
      queues.add(worker.queue());
    }
  }

  /** Whether an event's row shows the same emitters and receivers before and after. */
  private static boolean sameRow(Optional<EventCatalog.Event> before, Optional<EventCatalog.Event> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return before.isEmpty() && after.isEmpty();
    }
    EventCatalog.Event old = before.get();
    EventCatalog.Event now = after.get();
    return Objects.equals(ServiceCatalogVariables.emittedBy(old), ServiceCatalogVariables.emittedBy(now))
        && Objects.equals(ServiceCatalogVariables.receivedBy(old), ServiceCatalogVariables.receivedBy(now));
  }

  private static Set<String> labels(ProjectModel model) {
    Set<String> labels = new HashSet<>();
    model.services().forEach(service -> labels.add(service.label()));
    return labels;
  }
}
