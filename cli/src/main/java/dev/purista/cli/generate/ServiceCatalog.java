package dev.purista.cli.generate;

import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * The pages whose content a change from {@code before} to {@code after} alters, and the index when the list of
   * services changed. A page shows other services too (who else emits or receives its events, who works its
   * queues), so each page's variables are compared before and after; only the variables are built for an
   * unchanged page, which costs far less than rendering, hashing and comparing it on disk.
   */
  static List<ProposedFile> changedBy(TemplateRenderer renderer, ProjectModel before, ProjectModel after) {
    List<ProposedFile> files = new ArrayList<>();
    Map<String, Object> index = ServiceCatalogVariables.index(after);
    if (!before.project().equals(after.project()) || !index.equals(ServiceCatalogVariables.index(before))) {
      files.add(TemplateFiles.render(renderer, INDEX_TEMPLATE, after, index));
    }
    Map<String, ServiceModel> previous = new HashMap<>();
    before.services().forEach(service -> previous.put(service.label(), service));
    EventCatalog eventsBefore = EventCatalog.of(before);
    EventCatalog eventsAfter = EventCatalog.of(after);
    for (ServiceModel service : after.services()) {
      Map<String, Object> page = ServiceCatalogVariables.page(after, eventsAfter, service);
      ServiceModel old = previous.get(service.label());
      if (old == null || !before.project().equals(after.project())
          || !page.equals(ServiceCatalogVariables.page(before, eventsBefore, old))) {
        files.add(TemplateFiles.render(renderer, PAGE_TEMPLATE, after, page));
      }
    }
    return files;
  }
}
