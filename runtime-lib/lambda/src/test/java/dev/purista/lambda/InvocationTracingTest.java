package dev.purista.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.testkit.TracingSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An API Gateway event's spans: the invocation, its HTTP request inside it, the command inside that. */
class InvocationTracingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anApiGatewayEventIsTracedFromTheInvocationToTheCommand() throws Exception {
    try (TracingSdk sdk = new TracingSdk()) {
      LambdaFunction function = LambdaFunction.builder().openTelemetry(sdk.openTelemetry())
          .service(new TestServices("traced").definition).settings(LambdaSettings.builder().build()).build().start();
      try {
        ObjectNode event = LambdaFunctionTest.v2("POST", "/api/v1/echo/en", "", "{\"name\":\"Ada\"}");
        JsonNode first = JSON.readTree(function.handle(JSON.writeValueAsBytes(event), "req-1", Duration.ofSeconds(30)));
        function.handle(JSON.writeValueAsBytes(event), "req-2", Duration.ofSeconds(30));
        assertEquals(200, first.path("statusCode").asInt(), first::toString);

        List<SpanData> spans = sdk.awaitSpans(span -> span.getName().equals(SpanNames.LAMBDA_INVOCATION), 2,
            Duration.ofSeconds(10));
        SpanData invocation = spans.stream().filter(span -> span.getName().equals(SpanNames.LAMBDA_INVOCATION)
            && "req-1".equals(span.getAttributes().get(AttributeKey.stringKey("faas.invocation_id"))))
            .findFirst().orElseThrow();
        assertFalse(invocation.getParentSpanContext().isValid(), "an invocation starts a trace");
        assertEquals(Boolean.TRUE, invocation.getAttributes().get(AttributeKey.booleanKey("faas.coldstart")));
        SpanData http = child(spans, invocation, "POST /api/v1/echo/{lang}");
        child(spans, http, SpanNames.COMMAND_RECEIVED);
        SpanData second = spans.stream().filter(span -> "req-2".equals(span.getAttributes().get(
            AttributeKey.stringKey("faas.invocation_id")))).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, second.getAttributes().get(AttributeKey.booleanKey("faas.coldstart")));
      } finally {
        function.stop();
      }
    }
  }

  private static SpanData child(List<SpanData> spans, SpanData parent, String name) {
    return spans.stream().filter(span -> span.getName().equals(name)
        && span.getParentSpanId().equals(parent.getSpanId())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getName() + " in " + spans));
  }
}
