package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
  private static Path directory;
  private static MosquittoBroker broker;

  /** Payload and result of the test command. */
  public record Ping(String text) {
  }

  @BeforeAll
  static void startTlsBroker() throws Exception {
    directory = Files.createTempDirectory("purista-tls");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", directory.resolve("key.pem").toString(), "-out", directory.resolve("cert.pem").toString(),
        "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
        .redirectErrorStream(true).redirectOutput(directory.resolve("openssl.log").toFile()).start();
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
        "openssl could not make the test certificate: " + Files.readString(directory.resolve("openssl.log")));
    broker = MosquittoBroker.startTls(directory.resolve("cert.pem"), directory.resolve("key.pem"));
  }

  @AfterAll
  static void stopTlsBroker() throws IOException {
    if (broker != null) {
      broker.close();
    }
    for (String file : new String[] {"key.pem", "cert.pem", "openssl.log"}) {
      Files.deleteIfExists(directory.resolve(file));
    }
    Files.deleteIfExists(directory);
  }

  private static TrustManagerFactory trusting(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      store.setCertificateEntry("test-broker", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  @Test
  void aCallWorksOverTlsWithTheBrokersCertificateTrusted() throws Exception {
    TrustManagerFactory trust = trusting(directory.resolve("cert.pem"));
    String url = "mqtts://127.0.0.1:" + broker.port();
    MqttBridge server = MqttBridge.configure(config -> config.url(url).trustManagerFactory(trust));
    MqttBridge caller = MqttBridge.configure(config -> config.url(url).trustManagerFactory(trust));
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
