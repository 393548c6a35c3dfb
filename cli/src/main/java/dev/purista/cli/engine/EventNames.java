package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.naming.NameRules;

/** Checks an event name a new command or subscription introduces against the events the project has. */
final class EventNames {
  private EventNames() {
  }

  /**
   * A valid event name whose constant no other event of the project already has. Each service has its own
   * constants class, but one event name keeps one constant name throughout the project, so that code and
   * the service catalog can name it the same way everywhere.
   */
  static String check(ProjectModel model, String event) {
    NameRules.eventName(event);
    EventCatalog.of(model).constantClash(event).ifPresent(existing -> {
      throw new BadInputException("event '" + event + "' would get the constant " + CaseFormat.constant(event)
          + ", which the event '" + existing + "' already has", "use '" + existing + "', or another name");
    });
    return event;
  }
}
