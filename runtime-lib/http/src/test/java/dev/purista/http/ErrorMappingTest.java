package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.http.fixture.RawHttp;
import dev.purista.http.fixture.ShopService;
import dev.purista.http.fixture.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of the error table, over a real socket: each answer is problem+json with the row's status. */
class ErrorMappingTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(settings -> settings.maxBodyBytes(1024));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode problem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = TestServer.json(response);
    assertEquals(status, body.get("status").asInt());
    assertEquals("about:blank", body.get("type").asText());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("dev.purista"), response.body());
    return body;
  }

  @Test
  void validationIs400ListingEachField() {
    JsonNode body = problem(server.postJson("/api/v1/items/a1", "{\"name\":\"\",\"quantity\":0}"), 400);
    JsonNode fields = body.get("data");
    assertEquals(2, fields.size(), body.toString());
    assertEquals("payload.name", fields.get(0).get("path").asText());
    assertEquals("payload.quantity", fields.get(1).get("path").asText());
  }

  @Test
  void aWrongTypeIs400NamingTheField() {
    JsonNode body = problem(server.postJson("/api/v1/items/a1", "{\"name\":\"x\",\"quantity\":\"many\"}"),
        400);
    assertEquals("payload.quantity", body.get("data").get(0).get("path").asText());
  }

  @Test
  void aHandledErrorKeepsItsStatusMessageAndData() {
    JsonNode body = problem(server.get("/api/v1/handled"), 409);
    assertEquals("The item is locked", body.get("detail").asText());
    assertEquals("ada", body.get("data").get("lockedBy").asText());
  }

  @Test
  void anUnhandledFailureIs500WithNoMessage() {
    HttpResponse<String> response = server.get("/api/v1/boom");
    JsonNode body = problem(response, 500);
    assertFalse(body.has("detail"));
    assertFalse(response.body().contains("db-internal"), response.body());
  }

  @Test
  void anUnknownRouteIs404() {
    problem(server.get("/api/v1/nothing-here"), 404);
    problem(server.get("/api/v2/items/a1"), 404);
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    problem(response, 405);
    assertEquals("DELETE, GET, HEAD, OPTIONS, POST", response.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void aBodyOverTheLimitIs413BeforeTheBodyIsRead() {
    // The head declares 10 MB and not one byte of body follows: only a server that answers before reading the
    // body can answer at all.
    RawHttp.Answer answer = RawHttp.headOnly(server.port(), "POST /api/v1/items/a1 HTTP/1.1\r\n"
        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n");
    assertEquals(413, answer.status(), answer.text());
    assertTrue(answer.hasHeader("Content-Type", "application/problem+json"), answer.text());
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    StringBuilder chunks = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      chunks.append("200\r\n").append("x".repeat(512)).append("\r\n");
    }
    chunks.append("0\r\n\r\n");
    RawHttp.Answer answer = RawHttp.exchange(server.port(), "POST /api/v1/items/a1 HTTP/1.1\r\n"
        + "Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
        chunks.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(413, answer.status(), answer.text());
    assertTrue(answer.hasHeader("Content-Type", "application/problem+json"), answer.text());
  }

  @Test
  void aCommandTimeoutIs504() {
    ShopService.gate = new CountDownLatch(1);
    try {
      problem(server.get("/api/v1/slow"), 504);
    } finally {
      ShopService.gate.countDown();
    }
  }

  @Test
  void noHandlerIs503() {
    problem(server.get("/api/v1/ping"), 503);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    problem(server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x"))), 415);
  }

  @Test
  void brokenJsonIs400() {
    problem(server.postJson("/api/v1/items/a1", "{\"name\": \"x\", "), 400);
  }

  @Test
  void aProtectedCommandWithoutAnAuthenticatorIs401() {
    problem(server.get("/api/v1/me"), 401);
  }
}
