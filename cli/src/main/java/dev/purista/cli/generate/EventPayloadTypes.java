package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the payload type of a new subscription. When exactly one command or subscription of the project
 * emits the event, the subscription reads the producer's record ({@code SignUpResult}): the compiler then keeps
 * both sides in step, and services of one project share one codebase even when deployed apart. Otherwise
 * (the event comes from outside, or several producers emit it) the subscription gets a record of its own,
 * which binds whatever fields it declares and ignores the rest.
 */
public final class EventPayloadTypes {
  private EventPayloadTypes() {
  }

  public static ClassName choose(ProjectLayout layout, ProjectModel model, ServiceModel service,
      String subscriptionName, String event) {
    return producerType(layout, model, event).orElse(layout.subscriptionPayload(service, subscriptionName));
  }

  /** The record the single known producer of {@code event} emits, if there is exactly one. */
  public static Optional<ClassName> producerType(ProjectLayout layout, ProjectModel model, String event) {
    List<EventCatalog.Producer> producers = EventCatalog.of(model).event(event)
        .map(EventCatalog.Event::producers).orElse(List.of());
    if (producers.size() != 1) {
      return Optional.empty();
    }
    EventCatalog.Producer producer = producers.get(0);
    return Optional.of(producer.command() != null
        ? layout.commandResult(producer.service(), producer.command())
        : layout.subscriptionOutput(producer.service(), producer.subscription()));
  }
}
