package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.support.Tls;
import dev.purista.testkit.TestCertificate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tls://} connects with TLS and checks the server's certificate: against a nats-server of the test's own
 * that requires TLS, with a certificate made for the test (openssl), calls and durable events work with that
 * certificate trusted through {@link NatsBridgeConfig.Builder#tls}; the start fails without it, and fails
 * with a trusted certificate made for another host name.
 */
class TlsConnectionTest {
  private static TestCertificate certificate;
  /** Trusted as well, but made for another host than the 127.0.0.1 the test connects to. */
  private static TestCertificate otherHostsCertificate;
  private static NatsServerProcess server;
  private static NatsServerProcess otherHostsServer;

  /** Payload and result of the test command and event. */
  record Ping(String text) {
  }

  @BeforeAll
  static void startTlsServer() throws Exception {
    certificate = TestCertificate.create("localhost", "IP:127.0.0.1", "DNS:localhost");
    otherHostsCertificate = TestCertificate.create("elsewhere.example", "DNS:elsewhere.example");
    server = tlsServer(certificate);
    otherHostsServer = tlsServer(otherHostsCertificate);
  }

  /** {@code --tls} makes TLS mandatory: a client that does not upgrade is refused. */
  private static NatsServerProcess tlsServer(TestCertificate serverCertificate) throws Exception {
    return NatsServerProcess.start("--tls", "--tlscert", serverCertificate.certificate().toString(),
        "--tlskey", serverCertificate.key().toString());
  }

  @AfterAll
  static void stopTlsServer() throws IOException {
    if (server != null) {
      server.close();
    }
    if (otherHostsServer != null) {
      otherHostsServer.close();
    }
    if (certificate != null) {
      certificate.close();
    }
    if (otherHostsCertificate != null) {
      otherHostsCertificate.close();
    }
  }

  private static NatsBridge trustingBridge(Tls context) {
    return new NatsBridge(NatsTestSupport.fastConfig(server.tlsUrl()).tls(context).build());
  }

  @Test
  void aCallAndADurableEventWorkOverTlsWithTheServersCertificateTrusted() throws Exception {
    Tls context = Tls.trusting(certificate.trustManagerFactory());
    NatsBridge serving = trustingBridge(context);
    NatsBridge calling = trustingBridge(context);
    serving.start();
    calling.start();
    List<Ping> received = new CopyOnWriteArrayList<>();
    Service service = ServiceDefinition.builder("secure", "1")
        .command(CommandDefinition.builder("echo", Ping.class, Void.class, Ping.class)
            .handler((ctx, ping, none) -> new Ping("secure " + ping.text())).build())
        .subscription(SubscriptionDefinition.builder("audit", Ping.class, Void.class).event("pinged")
            .handler((ctx, ping) -> {
              received.add(ping);
              return null;
            }).build())
        .build().getInstance(serving);
    try {
      service.start();
      PuristaClient client = PuristaClient.of(calling, "caller");

      Ping reply = client.invoke(MessageAddress.of("secure", "1", "echo"), new Ping("hello"), null, Ping.class,
          Duration.ofSeconds(10));
      client.emit("pinged", new Ping("stored and delivered"));

      assertEquals("secure hello", reply.text());
      Eventually.await(Duration.ofSeconds(10), "the durable event arrives over TLS", () -> received.size() == 1);
      assertEquals("stored and delivered", received.get(0).text());
      assertTrue(serving.isReady() && calling.isReady());
    } finally {
      service.stop(Duration.ofSeconds(5));
      calling.stop();
      serving.stop();
    }
  }

  @Test
  void aServerCertificateTheClientDoesNotTrustFailsTheStart() {
    NatsBridge untrusting = new NatsBridge(NatsBridgeConfig.builder().url(server.tlsUrl())
        .connectTimeout(Duration.ofSeconds(2)).build());

    IllegalStateException failure = assertThrows(IllegalStateException.class, untrusting::start);

    assertTrue(failure.getMessage().contains(server.tlsUrl()), failure.getMessage());
    assertTrue(failure.getMessage().contains("certification path"), failure.getMessage());
    assertFalse(untrusting.isReady());
  }

  @Test
  void aTrustedCertificateForAnotherHostNameFailsTheStart() throws Exception {
    NatsBridge misdirected = new NatsBridge(NatsBridgeConfig.builder().url(otherHostsServer.tlsUrl())
        .tls(Tls.trusting(otherHostsCertificate.trustManagerFactory())).connectTimeout(Duration.ofSeconds(2)).build());

    IllegalStateException failure = assertThrows(IllegalStateException.class, misdirected::start);

    assertTrue(failure.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
        failure.getMessage());
    assertFalse(misdirected.isReady());
  }
}
