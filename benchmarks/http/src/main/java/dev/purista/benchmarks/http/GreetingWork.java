package dev.purista.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The work every bare handler does, so that the servers differ only in themselves: bind the JSON body to a record,
 * answer with a JSON record.
 */
final class GreetingWork {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Request(String name, int count) {
  }

  record Answer(String greeting, int count) {
  }

  private GreetingWork() {
  }

  static byte[] answer(byte[] body) {
    try {
      Request request = MAPPER.readValue(body, Request.class);
      return MAPPER.writeValueAsBytes(new Answer("hello " + request.name(), request.count()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
