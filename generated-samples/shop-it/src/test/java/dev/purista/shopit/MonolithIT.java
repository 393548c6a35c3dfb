package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The monolith jar, started with {@code java -jar} in its own JVM: an HTTP request to {@code signUp} emits
 * {@code user.signedUp}, and the email service's {@code sendWelcome} subscription handles it in the same process
 * (its welcome email lands in the outbox).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonolithIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** The exit status of a JVM that ran its shutdown hooks on SIGTERM: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;
  private static TestIdentity identity;
  private static String bearer;
  private static Outbox outbox;
  private static JavaProcess monolith;

  @BeforeAll
  static void start() throws Exception {
    identity = new TestIdentity();
    bearer = identity.bearer("ada");
    outbox = Outbox.create("monolith");
    Map<String, String> environment = new java.util.HashMap<>(identity.environment());
    environment.put("SHOP_OUTBOX_DIR", outbox.variable());
    monolith = JavaProcess.start("monolith",
        List.of("-jar", Sample.artifact(BusinessBuild.project(), Sample.MONOLITH).toString()), environment);
    monolith.awaitReady();
  }

  @AfterAll
  static void stop() {
    if (monolith != null) {
      monolith.close();
    }
    if (identity != null) {
      identity.close();
    }
  }

  @Test
  @Order(1)
  void aSignUpsEventReachesTheEmailServicesSubscription() throws Exception {
    Http.Response created = Http.post(monolith.baseUrl() + "/api/v1/users", bearer, "{\"name\":\"Ada\"}");
    assertEquals(200, created.status(), created::body);
    String id = created.json().path("id").asText();
    assertFalse(id.isEmpty(), created::body);
    assertEquals(monolith.pid(), created.json().path("servedBy").asLong());

    List<Path> emails = outbox.awaitEmailsTo(id, WAIT);
    assertEquals(1, emails.size(), emails::toString);
    assertTrue(Files.readString(emails.get(0)).contains("Welcome, Ada!"));

    Http.Response read = Http.get(monolith.baseUrl() + "/api/v1/users/" + id, bearer);
    assertEquals(200, read.status(), read::body);
    assertEquals("Ada", read.json().path("name").asText());
  }

  @Test
  @Order(2)
  void eachSignUpIsWelcomed() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (String name : List.of("Grace", "Linus", "Barbara")) {
      Http.Response created = Http.post(monolith.baseUrl() + "/api/v1/users", bearer, "{\"name\":\"" + name + "\"}");
      assertEquals(200, created.status(), created::body);
      ids.add(created.json().path("id").asText());
    }
    for (String id : ids) {
      assertEquals(1, outbox.awaitEmailsTo(id, WAIT).size(), id);
    }
  }

  @Test
  @Order(3)
  void anUnknownUserIs404AProtectedRouteWantsATokenAndPingIsPublic() throws Exception {
    assertEquals(401, Http.get(monolith.baseUrl() + "/api/v1/users/nobody").status());
    assertEquals(404, Http.get(monolith.baseUrl() + "/api/v1/users/nobody", bearer).status());
    Http.Response pong = Http.get(monolith.baseUrl() + "/api/v1/ping");
    assertEquals(200, pong.status(), pong::body);
    assertEquals("pong", pong.json().path("message").asText());
  }

  @Test
  @Order(4)
  void sigtermStopsIt() throws Exception {
    monolith.terminate();
    assertEquals(SIGTERM_EXIT, monolith.exitCode(WAIT), monolith::output);
  }
}
