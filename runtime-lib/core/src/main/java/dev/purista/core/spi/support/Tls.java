package dev.purista.core.spi.support;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a bridge checks its broker's certificate and proves its own, the one TLS shape every bridge takes: trust
 * material (which certificates to accept; the JVM's trust store unless given) and, for brokers that ask for one,
 * a client certificate. Key and trust manager factories are the shape every broker client accepts; a client that
 * wants an {@link SSLContext} gets one from {@link #sslContext()}.
 *
 * <pre>{@code
 * TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
 * trust.init(keyStoreWithTheCompanyCa);
 * AmqpBridge.configure(c -> c.url("amqps://mq.internal").tls(Tls.trusting(trust)));
 * }</pre>
 *
 * <p>The broker's host name is always checked against its certificate.
 */
public final class Tls {
  private static final Tls JVM_DEFAULTS = new Tls(null, null);

  private final TrustManagerFactory trust;
  private final KeyManagerFactory clientCertificate;

  private Tls(TrustManagerFactory trust, KeyManagerFactory clientCertificate) {
    this.trust = trust;
    this.clientCertificate = clientCertificate;
  }

  /** The JVM's trust store ({@code javax.net.ssl.trustStore}) and no client certificate. */
  public static Tls jvmDefaults() {
    return JVM_DEFAULTS;
  }

  /** Accepts the certificates {@code trust} accepts, such as those signed by a private CA. */
  public static Tls trusting(TrustManagerFactory trust) {
    if (trust == null) {
      throw new IllegalArgumentException("trust == null; use Tls.jvmDefaults() for the JVM's trust store");
    }
    return new Tls(trust, null);
  }

  /** These settings, and a client certificate from {@code keys} for a broker that asks for one. */
  public Tls withClientCertificate(KeyManagerFactory keys) {
    if (keys == null) {
      throw new IllegalArgumentException("keys == null");
    }
    return new Tls(trust, keys);
  }

  /** The trust material; empty: the JVM's. */
  public Optional<TrustManagerFactory> trust() {
    return Optional.ofNullable(trust);
  }

  /** The client certificate; empty: none. */
  public Optional<KeyManagerFactory> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  /** A TLS context from these settings; the JVM's default one when nothing is given. */
  public SSLContext sslContext() {
    try {
      if (trust == null && clientCertificate == null) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(clientCertificate == null ? null : clientCertificate.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Tls[trust=" + (trust == null ? "JVM default" : "given") + ", clientCertificate="
        + (clientCertificate == null ? "none" : "given") + "]";
  }
}
