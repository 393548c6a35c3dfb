package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.support.Tls;
import dev.purista.testkit.TestCertificate;
import java.time.Duration;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mqtts://} connects with TLS and checks the broker's certificate: against a Mosquitto whose only listener
 * speaks TLS with a certificate made for the test (openssl), a call works with that certificate trusted and the
 * start fails without it.
 */
class TlsConnectionTest {
  private static TestCertificate certificate;
  private static MosquittoBroker broker;

  /** Payload and result of the test command. */
  public record Ping(String text) {
  }

  @BeforeAll
  static void startTlsBroker() {
    certificate = TestCertificate.create("localhost", "IP:127.0.0.1", "DNS:localhost");
    broker = MosquittoBroker.startTls(certificate.certificate(), certificate.key());
  }

  @AfterAll
  static void stopTlsBroker() {
    if (broker != null) {
      broker.close();
    }
    if (certificate != null) {
      certificate.close();
    }
  }

  @Test
  void aCallWorksOverTlsWithTheBrokersCertificateTrusted() throws Exception {
    TrustManagerFactory trust = certificate.trustManagerFactory();
    String url = "mqtts://127.0.0.1:" + broker.port();
    MqttBridge server = MqttBridge.configure(config -> config.url(url).tls(Tls.trusting(trust)));
    MqttBridge caller = MqttBridge.configure(config -> config.url(url).tls(Tls.trusting(trust)));
    server.start();
    caller.start();
    var service = ServiceDefinition.builder("secure", "1")
        .command(CommandDefinition.builder("echo", Ping.class, Void.class, Ping.class)
            .handler((ctx, ping, none) -> new Ping("secure " + ping.text())).build())
        .build().getInstance(server);
    try {
      service.start();
      Ping reply = PuristaClient.of(caller, "caller").invoke(MessageAddress.of("secure", "1", "echo"),
          new Ping("hello"), null, Ping.class, Duration.ofSeconds(10));
      assertEquals("secure hello", reply.text());
      assertTrue(caller.config().tls());
    } finally {
      service.stop(Duration.ofSeconds(5));
      caller.stop();
      server.stop();
    }
  }

  @Test
  void aBrokerCertificateTheClientDoesNotTrustFailsTheStart() {
    MqttBridge untrusting = MqttBridge.configure(config -> config.url("ssl://127.0.0.1:" + broker.port())
        .connectTimeout(Duration.ofSeconds(2)));

    IllegalStateException failure = assertThrows(IllegalStateException.class, untrusting::start);

    assertTrue(failure.getMessage().contains("certification path"), failure.getMessage());
    assertTrue(!untrusting.isReady());
  }
}
