package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the bridge's one connection with the settings the bridge depends on: reconnect forever (a service must
 * outlive a broker restart), no-responders reports (so that a call nobody serves fails at once), a request
 * clean-up pass frequent enough to end calls at their deadline, and the connection named after the instance id, so that {@code nats server report connections} shows who is who.
 * {@code tls://} URLs switch TLS on by themselves; {@link NatsBridgeConfig.Builder#clientOptions} has the last
 * word for anything else.
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
        .reconnectWait(config.reconnectWait())
        .connectionTimeout(config.connectionTimeout())
        .reportNoResponders()
        .requestCleanupInterval(REQUEST_CLEANUP_INTERVAL)
        .useTimeoutException()
        .connectionListener(monitor)
        .errorListener(monitor);
    config.credentialsFile().ifPresent(file -> options.authHandler(Nats.credentials(file.toString())));
    config.token().ifPresent(token -> options.token(token.toCharArray()));
    config.user().ifPresent(user -> options.userInfo(user.toCharArray(),
        config.password().orElse("").toCharArray()));
    config.clientOptions().accept(options);
    return options.build();
  }

  /** Connects once; a broker that is not there at start is an error, not something to wait for silently. */
  static Connection connect(Options options, NatsBridgeConfig config) {
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to NATS at " + config.urls() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to NATS at " + config.urls(), e);
    }
  }
}
