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

  /** A valid event name whose {@code ServiceEvents} constant no other event of the project already has. */
  static String check(ProjectModel model, String event) {
    NameRules.eventName(event);
    EventCatalog.of(model).constantClash(event).ifPresent(existing -> {
      throw new BadInputException("event '" + event + "' would get the constant " + CaseFormat.constant(event)
          + ", which the event '" + existing + "' already has", "use '" + existing + "', or another name");
    });
    return event;
  }
}
