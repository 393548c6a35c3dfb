package dev.purista.nats;

import dev.purista.core.spi.support.Tls;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * Opens the bridge's one connection with the settings the bridge depends on: reconnect forever (a service must
 * outlive a broker restart), no-responders reports (so that a call nobody serves fails at once), a request
 * clean-up pass frequent enough to end calls at their deadline, and the connection named after the instance id, so that {@code nats server report connections} shows who is who.
 * {@code tls://} URLs switch TLS on by themselves, with the JVM's default trust store unless the config has an
 * {@code SSLContext}, and with the server's host name checked against its certificate, which jnats alone does not
 * do. {@link NatsBridgeConfig.Builder#clientOptions} has the last word for anything else.
 */
final class NatsConnector {
  /** How often the client ends expired requests: the most a command timeout can be late. */
  static final Duration REQUEST_CLEANUP_INTERVAL = Duration.ofMillis(100);

  private NatsConnector() {
  }

  static Options options(NatsBridgeConfig config, String instanceId, ConnectionMonitor monitor) {
    Options.Builder options = new Options.Builder()
        .servers(config.urls().toArray(String[]::new))
        .connectionName(instanceId)
        .maxReconnects(-1)
        .reconnectWait(config.reconnectDelay())
        .connectionTimeout(config.connectTimeout())
        .reportNoResponders()
        .requestCleanupInterval(REQUEST_CLEANUP_INTERVAL)
        .useTimeoutException()
        .connectionListener(monitor)
        .errorListener(monitor);
    config.credentialsFile().ifPresent(file -> options.authHandler(Nats.credentials(file.toString())));
    config.token().ifPresent(token -> options.token(token.toCharArray()));
    config.credentials().ifPresent(credentials -> options.userInfo(credentials.username().toCharArray(),
        credentials.password().toCharArray()));
    if (config.usesTls()) {
      options.sslContext(new HostNameCheckingSslContext(config.tls().orElse(Tls.jvmDefaults()).sslContext()));
    }
    config.clientOptions().accept(options);
    return options.build();
  }

  /**
   * Connects once; a broker that is not there at start is an error, not something to wait for silently. The
   * message carries the reason the last attempt failed (an untrusted certificate, a refused connection), which
   * the client's own exception leaves out.
   */
  static Connection connect(Options options, NatsBridgeConfig config, ConnectionMonitor monitor) {
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      String reason = e.getMessage();
      Throwable attempt = monitor.lastConnectFailure().map(NatsConnector::unwrap).orElse(null);
      if (attempt != null && (reason == null || attempt.getMessage() == null
          || !reason.contains(attempt.getMessage()))) {
        reason = reason + "; the last attempt failed with " + attempt;
      }
      IllegalStateException failure = new IllegalStateException("cannot connect to NATS at " + config.urlsForLogs()
          + ": " + reason, e);
      if (attempt != null && attempt != e) {
        failure.addSuppressed(attempt);
      }
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to NATS at " + config.urlsForLogs(), e);
    }
  }

  /** jnats wraps a failed TLS handshake in the {@code ExecutionException} of its handshake future. */
  private static Throwable unwrap(Exception failure) {
    return failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
