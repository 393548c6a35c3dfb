package dev.purista.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import dev.purista.mixed.BridgeParticipant.Ping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** purista-http serving one echo command on a free port; the round trip is one real HTTP request. */
final class HttpParticipant implements Participant {

  @Override
  public String name() {
    return "http server";
  }

  @Override
  public void roundTrip() throws Exception {
    ServiceDefinition echo = ServiceDefinition.builder("echo", "1")
        .command(CommandDefinition.builder("echo", Ping.class, Void.class, Ping.class)
            .http(HttpMethod.POST, "echo", HttpAccess.PUBLIC)
            .handler((ctx, ping, none) -> new Ping("echo " + ping.text()))
            .build())
        .build();
    HttpServer server = HttpServer.of(HttpSettings.configure(settings -> settings.host("127.0.0.1").port(0)));
    Application application = Application.builder(new DefaultEventBridge())
        .service(echo)
        .component(server)
        .gracePeriod(Duration.ofSeconds(5))
        .build()
        .start();
    try (application) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/echo"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"over http\"}"))
          .timeout(Duration.ofSeconds(10))
          .build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("{\"text\":\"echo over http\"}", response.body());
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
