package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.http.fixture.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Path, query and body binding, 204, HEAD, OPTIONS and the trace id, over a real socket. */
class RouteBindingTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(settings -> { });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pathQueryAndBodyBindIntoParameterAndPayload() {
    HttpResponse<String> response = server.postJson("/api/v1/items/a%20b?limit=5&tag=x&tag=y",
        "{\"name\":\"pen\",\"quantity\":3,\"tags\":[\"blue\"]}");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = TestServer.json(response);
    assertEquals("a b", body.get("id").asText());
    assertEquals("pen", body.get("name").asText());
    assertEquals(3, body.get("quantity").asInt());
    assertEquals(5, body.get("limit").asInt());
    assertEquals("blue", body.get("tags").get(0).asText());
    assertEquals("[\"x\",\"y\"]", body.get("tag").toString());
  }

  @Test
  void aSingleQueryValueBindsToAListParameterAsAListOfOne() {
    HttpResponse<String> response = server.get("/api/v1/items/a1?tag=x");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("[\"x\"]", TestServer.json(response).get("tag").toString());
  }

  @Test
  void aRepeatedQueryParameterForASingleValueFieldIs400NamingIt() {
    HttpResponse<String> response = server.get("/api/v1/items/a1?limit=1&limit=2");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("parameter.limit", TestServer.json(response).get("data").get(0).get("path").asText());
  }

  @Test
  void aQueryParameterOfTheWrongTypeIs400NamingIt() {
    HttpResponse<String> response = server.get("/api/v1/items/a1?limit=many");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("parameter.limit", TestServer.json(response).get("data").get(0).get("path").asText());
  }

  @Test
  void aParameterConstraintIs400() {
    HttpResponse<String> response = server.get("/api/v1/items/a1?limit=-1");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("parameter.limit", TestServer.json(response).get("data").get(0).get("path").asText());
  }

  @Test
  void aVoidResultIs204WithNoBody() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1")).DELETE());
    assertEquals(204, response.statusCode());
    assertEquals("", response.body());
  }

  @Test
  void headAnswersLikeGetWithoutTheBody() {
    HttpResponse<String> get = server.get("/api/v1/items/a1");
    HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
    assertEquals(Integer.toString(get.body().length()), head.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void optionsListsTheMethodsOfThePath() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, response.statusCode());
    assertEquals("DELETE, GET, HEAD, OPTIONS, POST", response.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void corsIsOffByDefault() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .header("Origin", "https://elsewhere.example").GET());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void aW3cTraceparentIsCarriedIntoTheMessageAndNamedInTheResponse() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/who"))
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(traceId, TestServer.json(response).get("traceId").asText());
    assertEquals(traceId, response.headers().firstValue("x-trace-id").orElseThrow());
  }

  @Test
  void anXTraceIdIsCarriedIntoTheMessage() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/who"))
        .header("x-trace-id", "trace-123").GET());
    assertEquals("trace-123", TestServer.json(response).get("traceId").asText());
    assertEquals("trace-123", response.headers().firstValue("x-trace-id").orElseThrow());
  }

  @Test
  void withoutATraceHeaderTheResponseNamesANewTraceId() {
    HttpResponse<String> response = server.get("/api/v1/who");
    String traceId = response.headers().firstValue("x-trace-id").orElseThrow();
    assertEquals(traceId, TestServer.json(response).get("traceId").asText());
    assertFalse(traceId.isBlank());
  }

  @Test
  void errorsNameTheTraceIdToo() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/nowhere"))
        .header("x-trace-id", "trace-404").GET());
    assertEquals(404, response.statusCode());
    assertEquals("trace-404", response.headers().firstValue("x-trace-id").orElseThrow());
  }
}
