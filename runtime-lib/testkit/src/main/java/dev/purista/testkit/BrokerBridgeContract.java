package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.EventBridge;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The part of the contract that only a bridge on a broker keeps: what becomes of a message that can never be
 * handled, and what a caller sees when the broker cannot be reached. A broker bridge's contract test extends this
 * class instead of {@link EventBridgeContract}, and says where its broker is and how to read its dead letters.
 *
 * <p>The broker stays up for everyone else: the test cuts a {@link TcpProxy} between one bridge and the broker.
 */
public abstract class BrokerBridgeContract extends EventBridgeContract {
  private static final MessageCodec CODEC = new MessageCodec();

  /** For the bridge's test class, which extends this one. */
  protected BrokerBridgeContract() {
  }

  /** Where the broker that {@link #newBridge()}'s bridges use listens. */
  protected abstract InetSocketAddress brokerAddress();

  /** A new, unstarted bridge like those of {@link #newBridge()}, but that reaches the broker at host and port. */
  protected abstract EventBridge newBridgeAt(String host, int port);

  /**
   * Starts recording the dead letters of the subscription at {@code subscription}. Called before anything is
   * published, so that a broker that keeps a message only for a subscriber already present (MQTT) keeps them.
   */
  protected abstract DeadLetterWatch watchDeadLetters(MessageAddress subscription);

  /** The dead letters of one subscription, as they arrive. */
  public interface DeadLetterWatch extends AutoCloseable {
    List<DeadLetter> received();

    @Override
    void close();
  }

  /**
   * One dead letter: the bytes as they were delivered, the reason the bridge gave, and on which delivery of the
   * message it gave up (1: the first).
   */
  public record DeadLetter(byte[] body, String reason, int attempt) {
    /** The envelope that was dead-lettered; fails the test when the bytes are not one. */
    public Message envelope() {
      try {
        return CODEC.decode(body);
      } catch (MalformedMessageException e) {
        throw new AssertionError("the dead letter is not an envelope: " + e.getMessage(), e);
      }
    }
  }

  @Test
  void anEventWhosePayloadCannotBeBoundIsDeadLetteredOnItsFirstDeliveryWithItsReason() {
    String service = unique("binder");
    String event = unique("unbindable");
    AtomicInteger handled = new AtomicInteger();
    try (DeadLetterWatch deadLetters = watchDeadLetters(address(service, "onGreeting"))) {
      serve(ServiceDefinition.builder(service, "1")
          .subscription(SubscriptionDefinition.builder("onGreeting", Greeting.class, Void.class).event(event)
              .handler((ctx, payload) -> {
                handled.incrementAndGet();
                return null;
              }).build())
          .build());

      client().emit(event, Map.of("name", "ann", "count", "not a number"));

      awaitTrue(() -> !deadLetters.received().isEmpty(), "the event is dead-lettered");
      DeadLetter letter = deadLetters.received().get(0);
      assertEquals(1, letter.attempt(), "dead-lettered on its first delivery, not after retries");
      assertTrue(letter.reason().startsWith("permanent failure: ") && letter.reason().contains("payload.count"),
          letter.reason());
      assertEquals(event, letter.envelope().eventName());
      assertEquals("not a number", ((Map<?, ?>) letter.envelope().payload()).get("count"));
      sleep(Duration.ofMillis(300));
      assertEquals(1, deadLetters.received().size(), "dead-lettered once: " + deadLetters.received());
      assertEquals(0, handled.get(), "the handler never saw it");
    }
  }

  @Test
  void aCallerWhoseBrokerCannotBeReachedGetsA503BridgeFailureAtOnce() {
    String service = unique("distant");
    serve(ServiceDefinition.builder(service, "1").command(greet("a")).build());
    InetSocketAddress broker = brokerAddress();
    try (TcpProxy link = TcpProxy.to(broker.getHostString(), broker.getPort())) {
      EventBridge through = newBridgeAt(link.host(), link.port());
      through.start();
      try {
        PuristaClient client = PuristaClient.of(through, "contract");
        Reply before = client.invoke(address(service, "greet"), greeting("near"), new Options(false), Reply.class,
            WAIT);
        assertEquals("hello near x1", before.text(), "the call goes through while the link is up");

        link.cut();
        awaitTrue(() -> !through.isReady(), "the bridge notices that the broker is gone");
        long start = System.nanoTime();
        HandledError error = assertThrows(HandledError.class, () -> client.invoke(address(service, "greet"),
            greeting("far"), new Options(false), Reply.class, Duration.ofSeconds(20)));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(StatusCode.SERVICE_UNAVAILABLE, error.status(), error.getMessage());
        assertEquals(FailureReason.BRIDGE_FAILURE, error.reason(), error.getMessage());
        assertTrue(millis < 5_000, "failed after " + millis + " ms; it should not wait for the 20 s deadline");
      } finally {
        through.stop();
      }
    }
  }
}
