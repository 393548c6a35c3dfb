package dev.purista.nats;

import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.support.InFlight;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code start()} of the bridge opens and one {@code stop()} closes: the connection, the JetStream
 * topology and the registered endpoints. Keeping them together makes a stop complete and a
 * second start clean.
 */
final class NatsSession {
  private static final Logger LOG = LoggerFactory.getLogger(NatsSession.class);

  final Connection connection;
  final CommandCaller caller;
  final EventPublisher events;
  final EndpointRegistrar registrar;
  final Set<NatsRegistration> registrations = ConcurrentHashMap.newKeySet();
  private final InFlight inFlight = new InFlight();
  private final ExecutorService maintenance;
  private final JetStreamTopology streams;

  NatsSession(NatsBridgeConfig config, String instanceId, boolean instanceIdGenerated, NatsTopology topology,
      MessageCodec codec) {
    maintenance = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "purista-nats-maintenance");
      thread.setDaemon(true);
      return thread;
    });
    ConnectionMonitor monitor = new ConnectionMonitor(instanceId, maintenance, this::restoreTopology);
    try {
      connection = NatsConnector.connect(NatsConnector.options(config, instanceId, monitor), config, monitor);
    } catch (RuntimeException e) {
      maintenance.shutdownNow();
      throw e;
    }
    try {
      JetStream jetStream = null;
      JetStreamTopology declared = null;
      StreamPublisher streamPublisher = null;
      DeadLetters deadLetters = null;
      if (connection.getServerInfo().isJetStreamAvailable()) {
        JetStreamOptions management = JetStreamOptions.builder().requestTimeout(config.connectTimeout()).build();
        declared = new JetStreamTopology(config, topology, connection.jetStreamManagement(management));
        declared.declareStreams();
        jetStream = connection.jetStream(management);
        streamPublisher = new StreamPublisher(connection, config.defaultCommandTimeout());
        deadLetters = new DeadLetters(streamPublisher, topology, config.deadLetterStreamName());
      } else {
        LOG.warn("NATS server at {} has no JetStream: durable subscriptions are not available",
            connection.getConnectedUrl());
      }
      streams = declared;
      events = new EventPublisher(connection, streamPublisher, topology, codec, config.streamName());
      caller = new CommandCaller(connection, topology, codec);
      registrar = new EndpointRegistrar(config, instanceId, instanceIdGenerated, connection, jetStream, streams,
          topology, codec, events, deadLetters, inFlight, registrations::remove);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      closeConnection();
      maintenance.shutdownNow();
      throw new IllegalStateException("cannot set up JetStream on " + config.urlsForLogs() + ": " + e.getMessage(), e);
    }
  }

  NatsRegistration track(NatsRegistration registration) {
    registrations.add(registration);
    return registration;
  }

  private void restoreTopology() {
    if (streams != null) {
      streams.restore();
    }
  }

  /** Stops consuming from every registration, keeping the reply inbox; see {@link NatsRegistration#stopAccepting}. */
  void stopAccepting() {
    new ArrayList<>(registrations).forEach(NatsRegistration::stopAccepting);
  }

  /** Stops consuming, waits up to {@code grace} for handlers in flight, then fails open calls and disconnects. */
  void close(Duration grace) {
    for (NatsRegistration registration : new ArrayList<>(registrations)) {
      registration.close();
    }
    if (!inFlight.awaitIdle(grace)) {
      LOG.warn("NATS bridge stopped with {} deliveries still in flight after {} ms; they will be redelivered or "
          + "time out", inFlight.count(), grace.toMillis());
    }
    maintenance.shutdownNow();
    // Closing fails the calls still waiting for an answer.
    closeConnection();
  }

  private void closeConnection() {
    try {
      // Acknowledgements and answers sent by the last handlers are still in the client's buffer.
      if (connection.getStatus() == Connection.Status.CONNECTED) {
        connection.flush(Duration.ofSeconds(2));
      }
    } catch (TimeoutException | RuntimeException e) {
      LOG.debug("final flush failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
