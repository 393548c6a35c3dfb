package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.http.gateway.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each HTTP route API Gateway events that go the whole way of a real one (reading the event, routing,
 * trace ids, binding the body to the command's payload record, the problem answer and writing the answer)
 * but stop before the command: an {@code OPTIONS} request, and a request whose body is two JSON values
 * ({@code {}{}}). The gateway binds the first value to the payload type, which builds and runs its
 * deserializer, and then refuses the second with a 400, so no handler runs: a handler may have effects that
 * must not happen during initialisation or before a snapshot. Routes that need authentication are answered
 * with a 401 before binding, and routes whose command takes no payload or transforms its input get the
 * {@code OPTIONS} request only.
 *
 * <p>The router given here should be one whose gateway reports no telemetry, so that these requests leave no
 * spans.
 */
public final class RoutePriming {
  private static final Logger LOG = LoggerFactory.getLogger(RoutePriming.class);
  /** Two JSON values: binding runs on the first, and the second fails the request before the command is sent. */
  static final String UNBINDABLE_BODY = "{}{}";

  private RoutePriming() {
  }

  /** Primes {@code routes} through {@code router}; returns how many. */
  public static int prime(EventRouter router, List<Route> routes) {
    for (Route route : routes) {
      String path = route.path().replaceAll("\\{[^}]*}", "0");
      send(router, "OPTIONS", path, null);
      if (takesBindableBody(route)) {
        send(router, route.method(), path, UNBINDABLE_BODY);
      }
    }
    return routes.size();
  }

  private static boolean takesBindableBody(Route route) {
    Class<?> payload = route.command().payloadType();
    return payload != Void.class && payload != void.class && route.command().inputTransformer().isEmpty();
  }

  private static void send(EventRouter router, String method, String path, String body) {
    ObjectNode event = LambdaJson.mapper().createObjectNode();
    event.put("version", "2.0");
    event.put("rawPath", path);
    event.put("rawQueryString", "");
    event.putObject("headers").put("content-type", "application/json");
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default");
    context.putObject("http").put("method", method).put("path", path);
    if (body != null) {
      event.put("body", body);
      event.put("isBase64Encoded", false);
    }
    byte[] answer = router.answer(event.toString().getBytes(StandardCharsets.UTF_8), "priming",
        Duration.ofSeconds(5));
    LOG.debug("primed {} {}: {}", method, path, new String(answer, StandardCharsets.UTF_8));
  }
}
