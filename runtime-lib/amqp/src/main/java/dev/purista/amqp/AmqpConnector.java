package dev.purista.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.purista.core.spi.support.Tls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the broker connection that a config describes, with the client's automatic connection and topology
 * recovery on: after a drop the client reconnects every {@code reconnectDelay} and declares again every
 * exchange, queue, binding and consumer this connection declared.
 */
final class AmqpConnector {
  private final AmqpBridgeConfig config;

  AmqpConnector(AmqpBridgeConfig config) {
    this.config = config;
  }

  ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      if (config.usesTls()) {
        // Set before the URI: the client would otherwise fall back to a context that trusts every certificate.
        factory.useSslProtocol(config.tls().orElse(Tls.jvmDefaults()).sslContext());
      }
      factory.setUri(config.url());
      factory.setPort(config.port());
      if (config.usesTls()) {
        factory.enableHostnameVerification();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use AMQP url " + AmqpBridgeConfig.withoutUserInfo(config.url())
          + ": " + e.getMessage(), e);
    }
    config.credentials().ifPresent(credentials -> {
      factory.setUsername(credentials.username());
      factory.setPassword(credentials.password());
    });
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(config.reconnectDelay().toMillis());
    factory.setTopologyRecoveryRetryHandler(RecoveryRetries.handler(config.reconnectDelay(), 10));
    factory.setConnectionTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
    factory.setHandshakeTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
    factory.setRequestedHeartbeat(Math.toIntExact(config.heartbeat().toSeconds()));
    // Daemon threads, so that a bridge someone forgot to stop cannot keep a JVM alive.
    factory.setThreadFactory(daemonThreads("purista-amqp-io-"));
    return factory;
  }

  /** Connects; consumer callbacks run on the connection's I/O thread (see {@link InlineDispatch}). */
  Connection connect() throws IOException, TimeoutException {
    return factory().newConnection(new InlineDispatch(), config.connectionName());
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

}
