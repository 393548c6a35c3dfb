package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.http.fixture.TestServer;
import dev.purista.http.gateway.CorsPolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorsTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(settings -> settings.cors(CorsPolicy.allowing("https://app.example")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, response.statusCode());
    assertEquals("https://app.example", response.headers().firstValue("Access-Control-Allow-Origin")
        .orElseThrow());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .header("Origin", "https://evil.example").GET());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void anAllowedOriginCanReadTheAnswerAndItsTraceId() {
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/items/a1"))
        .header("Origin", "https://app.example").GET());
    assertEquals("https://app.example", response.headers().firstValue("Access-Control-Allow-Origin")
        .orElseThrow());
    assertEquals("x-trace-id", response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
  }
}
