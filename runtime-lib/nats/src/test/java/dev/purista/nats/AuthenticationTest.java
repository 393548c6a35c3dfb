package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials from the environment reach a server that requires them; wrong ones fail start, clearly. */
class AuthenticationTest {
  record Name(String value) {
  }

  @Test
  void userAndPasswordFromTheEnvironment() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.start("--user", "svc", "--pass", "s3cret")) {
      assertServes(NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_URL", server.url(),
          "PURISTA_NATS_USERNAME", "svc", "PURISTA_NATS_PASSWORD", "s3cret")));

      NatsBridge wrong = new NatsBridge(NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_URL", server.url(),
          "PURISTA_NATS_USERNAME", "svc", "PURISTA_NATS_PASSWORD", "guess",
          "PURISTA_NATS_CONNECT_TIMEOUT", "1s")));
      IllegalStateException refused = assertThrows(IllegalStateException.class, wrong::start);
      assertTrue(refused.getMessage().contains(server.url()), refused.getMessage());
      assertTrue(refused.getMessage().contains("Authorization Violation"), refused.getMessage());
      assertFalse(refused.getMessage().contains("guess"), "the password is not in the message");
      assertFalse(wrong.isReady());
    }
  }

  @Test
  void tokenFromTheEnvironment() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.start("--auth", "t0ken-for-tests")) {
      assertServes(NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_URL", server.url(),
          "PURISTA_NATS_TOKEN", "t0ken-for-tests")));

      NatsBridge anonymous = new NatsBridge(NatsBridgeConfig.fromEnvironment(Map.of("PURISTA_NATS_URL",
          server.url(), "PURISTA_NATS_CONNECT_TIMEOUT", "1s")));
      assertThrows(IllegalStateException.class, anonymous::start);
    }
  }

  private static void assertServes(NatsBridgeConfig config) {
    NatsBridge bridge = new NatsBridge(config);
    bridge.start();
    try {
      Service service = ServiceDefinition.builder("auth", "1")
          .command(CommandDefinition.builder("hello", Name.class, Void.class, Name.class)
              .handler((ctx, name, ignored) -> new Name("hello " + name.value())).build())
          .build().getInstance(bridge);
      service.start();
      Name reply = PuristaClient.of(bridge, "caller").invoke(MessageAddress.of("auth", "1", "hello"),
          new Name("svc"), null, Name.class, Duration.ofSeconds(5));
      assertEquals("hello svc", reply.value());
      service.stop(Duration.ofSeconds(5));
    } finally {
      bridge.stop();
    }
  }
}
