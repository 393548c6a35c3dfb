package dev.purista.cli.model;

import dev.purista.cli.naming.CaseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every event name the project mentions, with who emits it and who subscribes to it, sorted by name. It feeds
 * the events tables of the service catalog's pages ({@code docs/services/}), the checks of new event names, and
 * {@code purista list}. The generated constants (PURISTA's {@code serviceEvent.enum.ts}) are one class per
 * service, built from the service.
 */
public final class EventCatalog {
  private final Map<String, Event> events;

  private EventCatalog(Map<String, Event> events) {
    this.events = events;
  }

  public static EventCatalog of(ProjectModel model) {
    Map<String, Event> events = new TreeMap<>();
    for (ServiceModel service : model.services()) {
      for (CommandModel command : service.commands()) {
        command.successEventName().ifPresent(name -> events.computeIfAbsent(name, Event::new)
            .producers.add(new Producer(service, command, null)));
      }
      for (SubscriptionModel subscription : service.subscriptions()) {
        events.computeIfAbsent(subscription.event(), Event::new).subscribers.add(service.label() + " "
            + subscription.name());
        subscription.emitsEvent().ifPresent(name -> events.computeIfAbsent(name, Event::new)
            .producers.add(new Producer(service, null, subscription)));
      }
    }
    return new EventCatalog(events);
  }

  public List<Event> events() {
    return List.copyOf(events.values());
  }

  public Optional<Event> event(String name) {
    return Optional.ofNullable(events.get(name));
  }

  /**
   * A different event name that would get the same constant as {@code name}, such as {@code a.bC} and
   * {@code a.b-c}.
   */
  public Optional<String> constantClash(String name) {
    String constant = CaseFormat.constant(name);
    for (Event event : events.values()) {
      if (!event.name.equals(name) && event.constantName().equals(constant)) {
        return Optional.of(event.name);
      }
    }
    return Optional.empty();
  }

  /** One event: its name, its constant, and the functions that emit and receive it. */
  public static final class Event {
    private final String name;
    // Worked out when first asked: a change's plan compares events by who emits and receives them, not by constant.
    private String constantName;
    private final List<Producer> producers = new ArrayList<>();
    private final List<String> subscribers = new ArrayList<>();

    private Event(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    public String constantName() {
      if (constantName == null) {
        constantName = CaseFormat.constant(name);
      }
      return constantName;
    }

    public List<Producer> producers() {
      return List.copyOf(producers);
    }

    /** {@code email v1 sendWelcome}, one per subscription. */
    public List<String> subscribers() {
      return List.copyOf(subscribers);
    }
  }

  /** A command whose success response is the event, or a subscription whose output is; exactly one is set. */
  public record Producer(ServiceModel service, CommandModel command, SubscriptionModel subscription) {

    /** {@code user v1 signUp}. */
    public String label() {
      return service.label() + " " + (command != null ? command.name() : subscription.name());
    }
  }
}
