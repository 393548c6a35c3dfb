package dev.purista.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.testkit.TracingSdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The start primes each route (binding its records, their validation, the event path) without running a
 * handler, whatever the command's input: a record, a JSON tree, a map, a list, text, nothing, or a transformer's.
 */
class PrimingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Greet(String name) {
    Greet {
      CONSTRUCTED_ON.add(Thread.currentThread().getName());
    }
  }

  record Greeting(String message) {
  }

  /** The threads that made a {@link Greet}: binding runs on the thread that starts the function. */
  static final List<String> CONSTRUCTED_ON = new CopyOnWriteArrayList<>();

  private final AtomicInteger handled = new AtomicInteger();
  private final List<Object> validated = new CopyOnWriteArrayList<>();
  private final PayloadValidator countingValidator = value -> {
    validated.add(value);
    return List.of();
  };

  @Test
  void theStartPrimesEveryRouteAndRunsNoHandler() throws Exception {
    CONSTRUCTED_ON.clear();
    LambdaFunction function = LambdaFunction.builder()
        .service(service(), ServiceOptions.configure(options -> options.validator(countingValidator)))
        .settings(LambdaSettings.builder().build()).build().start();
    try {
      assertEquals(0, handled.get(), "no handler ran during the start");
      assertTrue(CONSTRUCTED_ON.contains(Thread.currentThread().getName()),
          "the payload record was bound by the gateway during the start: " + CONSTRUCTED_ON);
      assertTrue(validated.stream().anyMatch(Greet.class::isInstance),
          "the service's validator saw the payload record during the start: " + validated);
      assertEquals(8, function.prime(), "every HTTP route, again");
      assertEquals(0, handled.get(), "no handler ran when primed again");

      JsonNode answer = JSON.readTree(function.handle(JSON.writeValueAsBytes(LambdaFunctionTest.v2("POST",
          "/api/v1/record", "", "{\"name\":\"Ada\"}")), "req-1", Duration.ofSeconds(30)));
      assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
      assertEquals(1, handled.get(), "the first event runs its handler");
    } finally {
      function.stop();
    }
  }

  @Test
  void primingLeavesNoSpans() throws Exception {
    try (TracingSdk sdk = new TracingSdk()) {
      LambdaFunction function = LambdaFunction.builder().openTelemetry(sdk.openTelemetry()).service(service())
          .settings(LambdaSettings.builder().build()).build().start();
      try {
        function.prime();
        function.handle(JSON.writeValueAsBytes(LambdaFunctionTest.v2("POST", "/api/v1/record", "",
            "{\"name\":\"Ada\"}")), "req-1", Duration.ofSeconds(30));
        List<SpanData> spans = sdk.awaitSpans(span -> span.getName().equals(SpanNames.LAMBDA_INVOCATION), 1,
            Duration.ofSeconds(10));
        assertTrue(spans.stream().noneMatch(span -> span.getName().startsWith("OPTIONS")
            || span.getName().equals("POST /api/v1/tree")), "a priming request was traced: " + spans);
        assertEquals(1, spans.stream().filter(span -> span.getName().equals("POST /api/v1/record")).count(),
            () -> "only the real request is traced: " + spans);
      } finally {
        function.stop();
      }
    }
  }

  private ServiceDefinition service() {
    return ServiceDefinition.builder("primed", "1")
        .command(command("record", Greet.class, HttpAccess.PUBLIC))
        .command(command("tree", JsonNode.class, HttpAccess.PUBLIC))
        .command(command("map", Map.class, HttpAccess.PUBLIC))
        .command(command("list", List.class, HttpAccess.PUBLIC))
        .command(command("text", String.class, HttpAccess.PUBLIC))
        .command(command("nothing", Void.class, HttpAccess.PUBLIC))
        .command(command("guarded", Greet.class, HttpAccess.AUTHENTICATED))
        .command(CommandDefinition.builder("transformed", Greet.class, Void.class, Greeting.class)
            .http(HttpMethod.POST, "transformed", HttpAccess.PUBLIC)
            .transformInput((context, payload, parameter) -> new CommandPayload(new Greet("x"), null))
            .handler((context, payload, parameter) -> {
              handled.incrementAndGet();
              return new Greeting("transformed");
            })
            .build())
        .build();
  }

  private <P> CommandDefinition<P, Void, Greeting> command(String name, Class<P> payload, HttpAccess access) {
    return CommandDefinition.builder(name, payload, Void.class, Greeting.class)
        .http(HttpMethod.POST, name, access)
        .handler((context, value, parameter) -> {
          handled.incrementAndGet();
          return new Greeting("handled " + value);
        })
        .build();
  }
}
