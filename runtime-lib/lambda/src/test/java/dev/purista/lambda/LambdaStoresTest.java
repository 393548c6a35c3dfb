package dev.purista.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A function whose bootstrap takes its stores from the environment gives its services one shared state store, as
 * a process does; without it, each service keeps its own. A wrong store kind fails the start, naming the variable.
 */
class LambdaStoresTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Nothing() {
  }

  private static final ServiceDefinition COUNTER = ServiceDefinition.builder("counter", "1")
      .command(CommandDefinition.builder("bump", Nothing.class, Nothing.class, Long.class)
          .handler((ctx, payload, parameter) -> ctx.states().increment("hits")).build())
      .build();
  private static final ServiceDefinition READER = ServiceDefinition.builder("reader", "1")
      .command(CommandDefinition.builder("read", Nothing.class, Nothing.class, Long.class)
          .handler((ctx, payload, parameter) -> ctx.states().get("hits", Long.class).orElse(0L)).build())
      .build();

  private LambdaFunction function;

  @AfterEach
  void stop() {
    if (function != null) {
      function.stop();
    }
  }

  private long call(String service, String command) throws Exception {
    byte[] event = ("{\"service\":\"" + service + "\",\"version\":\"1\",\"command\":\"" + command
        + "\",\"payload\":{}}").getBytes(StandardCharsets.UTF_8);
    JsonNode answer = JSON.readTree(function.handle(event, "req-1", Duration.ofSeconds(30)));
    assertTrue(answer.isNumber(), answer::toString);
    return answer.asLong();
  }

  @Test
  void storesFromTheEnvironmentAreSharedByTheServices() throws Exception {
    function = LambdaFunction.builder().storesAndQueuesFrom(Map.<String, String>of()::get)
        .service(COUNTER).service(READER).settings(LambdaSettings.builder().build()).build().start();

    assertEquals(1, call("counter", "bump"));
    assertEquals(1, call("reader", "read"));
  }

  @Test
  void withoutThemEachServiceHasItsOwn() throws Exception {
    function = LambdaFunction.builder().service(COUNTER).service(READER)
        .settings(LambdaSettings.builder().build()).build().start();

    assertEquals(1, call("counter", "bump"));
    assertEquals(0, call("reader", "read"));
  }

  @Test
  void aStoreKindNoModuleProvidesFailsTheStart() {
    LambdaFunction broken = LambdaFunction.builder()
        .storesAndQueuesFrom(Map.of("PURISTA_STATE_STORE", "dynamo")::get)
        .service(COUNTER).settings(LambdaSettings.builder().build()).build();

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, broken::start);
    assertTrue(refused.getMessage().startsWith("PURISTA_STATE_STORE=dynamo"), refused.getMessage());
  }
}
