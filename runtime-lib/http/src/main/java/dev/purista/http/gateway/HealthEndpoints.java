package dev.purista.http.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.lifecycle.ComponentHealth;
import dev.purista.core.lifecycle.HealthReport;
import dev.purista.http.internal.HttpJson;
import java.util.function.Supplier;

/**
 * {@code /healthz/live}, {@code /healthz/ready} and {@code /healthz} (both, as the original answers): 200 when
 * the asked state holds, 503 when not, with a JSON body that lists every component of the application.
 */
final class HealthEndpoints {
  private final Supplier<HealthReport> health;

  HealthEndpoints(Supplier<HealthReport> health) {
    this.health = health;
  }

  /** The answer for {@code path}, or {@code null} when it is no health path. */
  HttpResponse answer(String path) {
    switch (path) {
      case "/healthz/live":
        return answer(health.get(), true, false);
      case "/healthz/ready":
        return answer(health.get(), false, true);
      case "/healthz":
        return answer(health.get(), true, true);
      default:
        return null;
    }
  }

  private static HttpResponse answer(HealthReport report, boolean live, boolean ready) {
    boolean up = (!live || report.live()) && (!ready || report.ready());
    ObjectNode body = HttpJson.mapper().createObjectNode();
    body.put("status", up ? "UP" : "DOWN");
    body.put("live", report.live());
    body.put("ready", report.ready());
    ArrayNode components = body.putArray("components");
    for (ComponentHealth component : report.components()) {
      components.addObject().put("name", component.name()).put("live", component.live())
          .put("ready", component.ready());
    }
    try {
      return HttpResponse.json(up ? 200 : 503, HttpJson.mapper().writeValueAsBytes(body))
          .withHeader("Cache-Control", "no-store");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and booleans always serializes", e);
    }
  }
}
