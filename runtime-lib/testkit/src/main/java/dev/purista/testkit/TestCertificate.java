package dev.purista.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate and its key (PEM files in a temporary directory), made with {@code openssl} for one
 * test run, so that a bridge can be tested against a TLS broker of the test's own: trusted through
 * {@link #sslContext()} it must connect, untrusted or presented for another host name it must fail.
 *
 * <pre>{@code
 * try (TestCertificate certificate = TestCertificate.create("localhost", "DNS:localhost", "IP:127.0.0.1")) {
 *   broker = startBroker(certificate.certificate(), certificate.key());
 *   bridge = AmqpBridge.configure(c -> c.url("amqps://localhost:" + port).sslContext(certificate.sslContext()));
 * }
 * }</pre>
 *
 * <p>Without {@code openssl} on the {@code PATH} it fails, naming what is missing: a TLS test that cannot make its
 * certificate must not pass by skipping.
 */
public final class TestCertificate implements AutoCloseable {
  private static final List<String> FILES = List.of("cert.pem", "key.pem", "openssl.log");

  private final Path directory;

  private TestCertificate(Path directory) {
    this.directory = directory;
  }

  /**
   * Makes a certificate for {@code commonName}, valid for one day, for the given subject alternative names such as
   * {@code DNS:localhost} or {@code IP:127.0.0.1}: clients check the host they dial against those.
   */
  public static TestCertificate create(String commonName, String... subjectAltNames) {
    if (subjectAltNames.length == 0) {
      throw new IllegalArgumentException("name at least one host, such as DNS:localhost or IP:127.0.0.1");
    }
    try {
      TestCertificate made = new TestCertificate(Files.createTempDirectory("purista-tls"));
      made.runOpenssl(commonName, String.join(",", subjectAltNames));
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the test certificate", e);
    }
  }

  private void runOpenssl(String commonName, String subjectAltNames) throws IOException {
    Path log = directory.resolve("openssl.log");
    Process openssl;
    try {
      openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
          "-keyout", key().toString(), "-out", certificate().toString(), "-days", "1",
          "-subj", "/CN=" + commonName, "-addext", "subjectAltName=" + subjectAltNames)
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      close();
      throw new IllegalStateException("openssl is needed to make the test certificate: " + e.getMessage(), e);
    }
    try {
      if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
        String output = Files.readString(log);
        openssl.destroyForcibly();
        close();
        throw new IllegalStateException("openssl could not make the test certificate: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      openssl.destroyForcibly();
      close();
      throw new IllegalStateException("interrupted while making the test certificate", e);
    }
  }

  /** The certificate, PEM. */
  public Path certificate() {
    return directory.resolve("cert.pem");
  }

  /** Its private key, PEM, unencrypted. */
  public Path key() {
    return directory.resolve("key.pem");
  }

  /** Trust managers that trust this certificate and nothing else. */
  public TrustManagerFactory trustManagerFactory() {
    try (InputStream in = Files.newInputStream(certificate())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("test-certificate", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return trust;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test certificate", e);
    }
  }

  /** A TLS context that trusts this certificate and nothing else. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagerFactory().getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context for the test certificate", e);
    }
  }

  /** Deletes the files. */
  @Override
  public void close() {
    try {
      for (String file : FILES) {
        Files.deleteIfExists(directory.resolve(file));
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the test certificate", e);
    }
  }
}
