package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * A process's health endpoints as an orchestrator's probes read them, and the components they list: what runs in
 * the process (its bridge, its services, its HTTP server), seen from outside it.
 */
final class Health {
  private Health() {
  }

  /**
   * The names of the components {@code /healthz/ready} lists, such as {@code bridge:amqp}, {@code http},
   * {@code service:user:v1} and {@code store:in-memory-state}; fails unless both {@code /healthz/live} and
   * {@code /healthz/ready} answer 200 and UP.
   */
  static Set<String> readyComponents(String baseUrl) throws Exception {
    assertUp(Http.get(baseUrl + "/healthz/live"));
    Http.Response ready = Http.get(baseUrl + "/healthz/ready");
    assertUp(ready);
    Set<String> names = new TreeSet<>();
    for (JsonNode component : ready.json().path("components")) {
      names.add(component.path("name").asText());
    }
    return names;
  }

  /** As {@link #readyComponents}, without the stores: the bridge, the services and the other components. */
  static Set<String> readyComponentsButStores(String baseUrl) throws Exception {
    Set<String> names = readyComponents(baseUrl);
    names.removeIf(name -> name.startsWith("store:"));
    return names;
  }

  private static void assertUp(Http.Response answer) {
    assertEquals(200, answer.status(), answer::body);
    assertEquals("UP", answer.json().path("status").asText(), answer::body);
  }
}
