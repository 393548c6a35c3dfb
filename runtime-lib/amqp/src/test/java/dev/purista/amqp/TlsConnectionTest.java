package dev.purista.amqp;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code amqps://} connects with TLS and checks the broker's certificate: against a RabbitMQ node of the test's
 * own whose only listener speaks TLS, with a certificate made for the test (openssl) for the host name
 * {@code localhost}, calls and durable events work with that certificate trusted through
 * {@link AmqpBridgeConfig.Builder#tls}; the start fails without it, and fails when the same trusted
 * certificate is presented for a host it was not made for ({@code 127.0.0.1}).
 */
class TlsConnectionTest {
  /** Made for {@code localhost} only, so that dialling 127.0.0.1 presents it for a host it was not made for. */
  private static TestCertificate certificate;
  private static TlsRabbitNode node;

  /** Payload and result of the test command and event. */
  public record Ping(String text) {
  }

  @BeforeAll
  static void startTlsNode() throws Exception {
    certificate = TestCertificate.create("localhost", "DNS:localhost");
    node = TlsRabbitNode.start(certificate.certificate(), certificate.key());
  }

  @AfterAll
  static void stopTlsNode() throws IOException {
    if (node != null) {
      node.close();
    }
    if (certificate != null) {
      certificate.close();
    }
  }

  private static AmqpBridge bridge(String url, Tls context) {
    AmqpBridgeConfig.Builder config = TestBroker.config(TestBroker.uniquePrefix("tls")).url(url)
        .connectTimeout(Duration.ofSeconds(5));
    return new AmqpBridge((context == null ? config : config.tls(context)).build());
  }

  @Test
  void aCallAndADurableEventWorkOverTlsWithTheBrokersCertificateTrusted() throws Exception {
    Tls context = Tls.trusting(certificate.trustManagerFactory());
    String prefix = TestBroker.uniquePrefix("tls");
    AmqpBridge serving = new AmqpBridge(TestBroker.config(prefix).url(node.url("localhost")).tls(context)
        .build());
    AmqpBridge calling = new AmqpBridge(TestBroker.config(prefix).url(node.url("localhost")).tls(context)
        .build());
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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of(new Ping("stored and delivered")), received, "the durable event arrives over TLS");
      assertTrue(serving.isReady() && calling.isReady());
      assertTrue(serving.config().usesTls());
    } finally {
      service.stop(Duration.ofSeconds(5));
      calling.stop();
      serving.stop();
    }
  }

  @Test
  void aBrokerCertificateTheClientDoesNotTrustFailsTheStart() {
    AmqpBridge untrusting = bridge(node.url("localhost"), null);

    IllegalStateException failure = assertThrows(IllegalStateException.class, untrusting::start);

    assertTrue(failure.getMessage().contains("amqps://localhost:" + node.port()), failure.getMessage());
    assertTrue(failure.getMessage().contains("certification path"), failure.getMessage());
    assertFalse(failure.getMessage().contains("guest:guest"), "no credentials in the message");
    assertFalse(untrusting.isReady());
  }

  @Test
  void aTrustedCertificateForAnotherHostNameFailsTheStart() throws Exception {
    AmqpBridge misdirected = bridge(node.url("127.0.0.1"), Tls.trusting(certificate.trustManagerFactory()));

    IllegalStateException failure = assertThrows(IllegalStateException.class, misdirected::start);

    assertTrue(failure.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
        failure.getMessage());
    assertFalse(misdirected.isReady());
  }
}
