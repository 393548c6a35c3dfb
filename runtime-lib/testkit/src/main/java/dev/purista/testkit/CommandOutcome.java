package dev.purista.testkit;

import dev.purista.core.PuristaError;
import dev.purista.core.message.Message;
import java.util.List;
import java.util.Optional;

/**
 * What one command call produced: its result or its error, and the events it emitted (including its own
 * success event).
 */
public final class CommandOutcome<R> {
  private final R result;
  private final PuristaError error;
  private final RecordedEvents events;

  CommandOutcome(R result, PuristaError error, List<Message> events) {
    this.result = result;
    this.error = error;
    this.events = new RecordedEvents(events);
  }

  public boolean isSuccess() {
    return error == null;
  }

  /** The result; fails the test with the error's status and message when the call failed. */
  public R result() {
    if (error != null) {
      throw new AssertionError("command failed with " + error.status().code() + " " + error.getMessage()
          + (error.data() != null ? " " + error.data() : ""), error);
    }
    return result;
  }

  public Optional<PuristaError> error() {
    return Optional.ofNullable(error);
  }

  /** The error; fails the test when the call succeeded. */
  public PuristaError expectError() {
    if (error == null) {
      throw new AssertionError("command succeeded with " + result + " but an error was expected");
    }
    return error;
  }

  public List<Message> events() {
    return events.all();
  }

  /** The payload of the first emitted event named {@code eventName}, bound to {@code type}. */
  public <T> T eventPayload(String eventName, Class<T> type) {
    return events.payload(eventName, type);
  }

  /** The names of the emitted events, in order. */
  public List<String> eventNames() {
    return events.names();
  }
}
