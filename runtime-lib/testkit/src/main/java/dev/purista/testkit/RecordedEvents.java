package dev.purista.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.message.Message;
import java.util.List;

/** The events a test run emitted, with typed access to their payloads. */
final class RecordedEvents {
  private static final ObjectMapper MAPPER = JsonMappers.standard();

  private final List<Message> events;

  RecordedEvents(List<Message> events) {
    this.events = List.copyOf(events);
  }

  List<Message> all() {
    return events;
  }

  List<String> names() {
    return events.stream().map(Message::eventName).toList();
  }

  /** The payload of the first event named {@code eventName}, bound to {@code type} as a receiver would. */
  <T> T payload(String eventName, Class<T> type) {
    Message event = events.stream().filter(e -> eventName.equals(e.eventName())).findFirst()
        .orElseThrow(() -> new AssertionError("no event '" + eventName + "' was emitted; emitted: " + names()));
    return MAPPER.convertValue(event.payload(), type);
  }
}
