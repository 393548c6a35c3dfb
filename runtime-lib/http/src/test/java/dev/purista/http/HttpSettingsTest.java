package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.http.auth.Authenticator;
import dev.purista.http.auth.JwtAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  @Test
  void defaultsWithoutEnvironment() {
    HttpSettings settings = HttpSettings.fromEnvironment(Map.of()).build();
    assertEquals("0.0.0.0", settings.host());
    assertEquals(8080, settings.port());
    assertEquals(1024 * 1024, settings.maxBodyBytes());
    assertFalse(settings.cors().enabled(), "CORS is off by default");
    assertTrue(settings.docsPage());
    assertEquals(Authenticator.NONE, settings.authenticator());
    assertEquals(ServerKind.UNDERTOW, settings.server());
  }

  @Test
  void everyVariableIsRead() {
    HttpSettings settings = HttpSettings.fromEnvironment(Map.of(
        "PURISTA_HTTP_HOST", "127.0.0.1",
        "PURISTA_HTTP_PORT", "9090",
        "PURISTA_HTTP_MAX_BODY_BYTES", "2048",
        "PURISTA_HTTP_MAX_HEADERS", "50",
        "PURISTA_HTTP_COMMAND_TIMEOUT", "7s",
        "PURISTA_HTTP_WORKER_THREADS", "4",
        "PURISTA_HTTP_CORS_ORIGINS", "https://a.example, https://b.example",
        "PURISTA_HTTP_DOCS", "false",
        "PURISTA_HTTP_SERVER", "JDK",
        "PURISTA_HTTP_JWT_JWKS_URL", "https://login.example/jwks.json")).build();
    assertEquals("127.0.0.1", settings.host());
    assertEquals(9090, settings.port());
    assertEquals(2048, settings.maxBodyBytes());
    assertEquals(50, settings.maxHeaders());
    assertEquals(Duration.ofSeconds(7), settings.commandTimeout());
    assertEquals(4, settings.workerThreads());
    assertEquals(List.of("https://a.example", "https://b.example"), settings.cors().allowedOrigins());
    assertFalse(settings.docsPage());
    assertEquals(ServerKind.JDK, settings.server());
    assertTrue(settings.authenticator() instanceof JwtAuthenticator);
  }

  @Test
  void aBadValueFailsNamingTheVariable() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> HttpSettings.fromEnvironment(Map.of("PURISTA_HTTP_PORT", "70000")));
    assertTrue(error.getMessage().contains("PURISTA_HTTP_PORT"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> HttpSettings.fromEnvironment(Map.of("PURISTA_HTTP_COMMAND_TIMEOUT", "30")));
    assertTrue(error.getMessage().contains("PURISTA_HTTP_COMMAND_TIMEOUT"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> HttpSettings.fromEnvironment(Map.of("PURISTA_HTTP_SERVER", "jetty")));
    assertTrue(error.getMessage().contains("PURISTA_HTTP_SERVER") && error.getMessage().contains("undertow or jdk"),
        error.getMessage());
  }
}
