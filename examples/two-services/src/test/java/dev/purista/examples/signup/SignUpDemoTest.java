package dev.purista.examples.signup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.lifecycle.Application;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The demo's steps assert themselves and throw on any failure; here they run in the build, on a free port. */
class SignUpDemoTest {
  private static HttpServer freePort() {
    return HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(0).build());
  }

  @Test
  void theDemoRunsEndToEnd() {
    HttpServer http = freePort();
    Application app = SignUpDemo.application(http);
    try {
      assertDoesNotThrow(() -> SignUpDemo.run(app, http));
    } finally {
      app.stop();
    }
  }

  @Test
  void signUpIsServedOverHttpAndRefusesAnInvalidEmailWithAProblem() throws Exception {
    HttpServer http = freePort();
    Application app = SignUpDemo.application(http).start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> created = client.send(post(http.port(), "{\"email\":\"ada@example.com\"}"),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, created.statusCode(), created.body());
      JsonNode body = new ObjectMapper().readTree(created.body());
      assertEquals("ada@example.com", body.get("email").asText());
      assertEquals(1, body.get("userNumber").asLong());
      assertTrue(created.headers().firstValue("x-trace-id").isPresent(), "the answer names its trace id");

      HttpResponse<String> refused = client.send(post(http.port(), "{\"email\":\"not an email\"}"),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, refused.statusCode(), refused.body());
      assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
      assertTrue(refused.body().contains("payload.email"), refused.body());
    } finally {
      app.stop();
    }
  }

  private static HttpRequest post(int port, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
