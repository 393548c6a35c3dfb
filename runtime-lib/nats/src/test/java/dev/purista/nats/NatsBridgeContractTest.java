package dev.purista.nats;

import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.BrokerBridgeContract;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The NATS bridge passes the shared bridge contract against the real broker. Every call of {@link #newBridge()}
 * is a bridge with its own connection, like a separate process.
 */
class NatsBridgeContractTest extends BrokerBridgeContract {
  @Override
  protected EventBridge newBridge() {
    return NatsTestSupport.bridge();
  }

  @Override
  protected InetSocketAddress brokerAddress() {
    URI url = URI.create(NatsTestSupport.brokerUrl().split(",")[0].trim());
    return new InetSocketAddress(url.getHost(), url.getPort() == -1 ? 4222 : url.getPort());
  }

  @Override
  protected EventBridge newBridgeAt(String host, int port) {
    return new NatsBridge(NatsTestSupport.fastConfig("nats://" + host + ":" + port).build());
  }

  /** Reads the dead-letter stream, which keeps every dead letter: the newest one on the subscriber's subject. */
  @Override
  protected DeadLetterWatch watchDeadLetters(MessageAddress subscription) {
    NatsBridgeConfig config = NatsTestSupport.fastConfig(NatsTestSupport.brokerUrl()).build();
    String subject = new NatsTopology(config.subjectPrefix(), config.emptySubjectPart())
        .deadLetterSubject(subscription);
    BrokerProbe probe;
    try {
      probe = new BrokerProbe(NatsTestSupport.brokerUrl());
    } catch (IOException e) {
      throw new AssertionError("NATS is not reachable at " + NatsTestSupport.brokerUrl() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return new DeadLetterWatch() {
      @Override
      public List<DeadLetter> received() {
        try {
          Optional<MessageInfo> last = probe.lastMessage(config.deadLetterStreamName(), subject);
          return last.map(info -> List.of(new DeadLetter(info.getData(),
              info.getHeaders().getFirst(DeadLetters.REASON),
              Integer.parseInt(info.getHeaders().getFirst(DeadLetters.ATTEMPT))))).orElse(List.of());
        } catch (IOException | io.nats.client.JetStreamApiException e) {
          throw new AssertionError("cannot read the dead-letter stream: " + e, e);
        }
      }

      @Override
      public void close() {
        probe.close();
      }
    };
  }
}
