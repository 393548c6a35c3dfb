package dev.purista.benchmarks.lambda.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A second baseline: what a hand-written handler does with Jackson, reading the name from the event's body and
 * answering the same JSON, so that Jackson's own start-up is told apart from the runtime's.
 */
public final class BareJacksonFunction implements RequestStreamHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public BareJacksonFunction() {
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
    JsonNode event = MAPPER.readTree(input);
    String name = MAPPER.readTree(event.path("body").asText()).path("name").asText();
    ObjectNode body = MAPPER.createObjectNode().put("message", "Hello " + name);
    ObjectNode answer = MAPPER.createObjectNode();
    answer.put("statusCode", 200);
    answer.putObject("headers").put("Content-Type", "application/json");
    answer.put("body", MAPPER.writeValueAsString(body));
    answer.put("isBase64Encoded", false);
    MAPPER.writeValue(output, answer);
  }
}
