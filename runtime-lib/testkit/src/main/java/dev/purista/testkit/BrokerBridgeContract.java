package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.EventBridge;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** One call of a steady stream: whether it was sent after the instance stopped accepting, and its outcome. */
  private record Call(boolean sentAfterStop, String handledBy, Throwable failure) {
  }

  @Test
  void aBridgeThatStopsAcceptingLeavesNewCallsToTheOtherInstanceAndStillAnswersItsOwnProcess() throws Exception {
    String service = unique("drained");
    MessageAddress greet = address(service, "greet");
    EventBridge stopping = bridge();
    serve(ServiceDefinition.builder(service, "1").command(greet("stopping")).build(), stopping);
    serve(ServiceDefinition.builder(service, "1").command(greet("other")).build(), bridge());
    Relay relay = new Relay(greet);
    serve(relay.definition(), stopping);
    PuristaClient client = client();
    awaitTrue(() -> "stopping".equals(client.invoke(greet, greeting("warm"), new Options(false), Reply.class,
        WAIT).handledBy()), "the stopping instance takes calls before it stops accepting");
    CompletableFuture<Reply> relayed = relay.callFrom(client);

    AtomicBoolean stopped = new AtomicBoolean();
    AtomicBoolean streaming = new AtomicBoolean(true);
    List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> streams = new ArrayList<>();
      for (int caller = 0; caller < 2; caller++) {
        streams.add(callers.submit(() -> {
          while (streaming.get()) {
            boolean afterStop = stopped.get();
            try {
              calls.add(new Call(afterStop, client.invoke(greet, greeting("steady"), new Options(false),
                  Reply.class, WAIT).handledBy(), null));
            } catch (RuntimeException e) {
              calls.add(new Call(afterStop, null, e));
            }
          }
        }));
      }
      awaitTrue(() -> calls.size() >= 20, "calls flow before the stop");
      stopping.stopAccepting();
      stopping.stopAccepting();
      stopped.set(true);
      int atStop = calls.size();
      awaitTrue(() -> calls.size() >= atStop + 50, "calls flow after the stop");

      relay.release();
      assertServedInProcess(relayed);
      Reply own = PuristaClient.of(stopping, "contract").invoke(greet, greeting("own"), new Options(false),
          Reply.class, WAIT);
      assertEquals("hello own x1", own.text(), "invoke keeps working until stop()");

      streaming.set(false);
      for (Future<?> stream : streams) {
        stream.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      streaming.set(false);
      callers.shutdownNow();
    }
    List<Call> all;
    synchronized (calls) {
      all = List.copyOf(calls);
    }
    assertEquals(List.of(), all.stream().filter(call -> call.failure() != null).map(Call::failure).toList(),
        "no call fails");
    List<Call> after = all.stream().filter(Call::sentAfterStop).toList();
    long takenByStopping = after.stream().filter(call -> "stopping".equals(call.handledBy())).count();
    assertTrue(after.size() >= 40, "calls after the stop: " + after.size());
    assertEquals(0, takenByStopping, "calls the stopping instance took after it stopped accepting, of "
        + after.size());
  }

  @Test
  void anApplicationOnABrokerBridgeLeavesOutsideCallsToAnotherInstanceWhileItsInFlightChainCompletes()
      throws Exception {
    String service = unique("stopping");
    MessageAddress greet = address(service, "greet");
    serve(ServiceDefinition.builder(service, "1").command(greet("other")).build());
    Relay relay = new Relay(greet);
    Application application = Application.builder(newBridge())
        .service(ServiceDefinition.builder(service, "1").command(greet("stopping")).build())
        .service(relay.definition())
        .gracePeriod(WAIT)
        .build()
        .start();
    try {
      PuristaClient client = client();
      awaitTrue(() -> "stopping".equals(client.invoke(greet, greeting("warm"), new Options(false), Reply.class,
          WAIT).handledBy()), "the application takes calls before it stops");
      CompletableFuture<Reply> relayed = relay.callFrom(client);
      CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(application::stop);
      awaitTrue(() -> application.services().stream().noneMatch(Service::isReady), "the first phase is done");

      for (int call = 0; call < 30; call++) {
        assertEquals("other", client.invoke(greet, greeting("late"), new Options(false), Reply.class, WAIT)
            .handledBy(), "call " + call + " after the first phase");
      }
      relay.release();
      assertServedInProcess(relayed);
      assertTrue(stopped.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS), "drained within the grace period");
    } finally {
      application.stop();
    }
  }

  private static void assertServedInProcess(CompletableFuture<Reply> relayed) throws Exception {
    Reply inner = relayed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("hello inner x1", inner.text());
    assertEquals("stopping", inner.handledBy(), "a call within the process is served within the process");
  }

  /**
   * A service whose one command waits, once called, until released, and then calls {@code greet}: work in
   * flight on the stopping instance that needs another command of its own process.
   */
  private static final class Relay {
    private final String service = unique("relay");
    private final MessageAddress greet;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    Relay(MessageAddress greet) {
      this.greet = greet;
    }

    ServiceDefinition definition() {
      return ServiceDefinition.builder(service, "1").command(CommandDefinition.builder("relay", Greeting.class,
          Options.class, Reply.class).handler((ctx, payload, parameter) -> {
            started.countDown();
            if (!released.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
              throw new IllegalStateException("never released");
            }
            return ctx.invoke(greet, greeting("inner"), new Options(false), Reply.class);
          }).build()).build();
    }

    /** Calls the relay and returns once its handler is in flight. */
    CompletableFuture<Reply> callFrom(PuristaClient client) throws InterruptedException {
      CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> client.invoke(address(service, "relay"),
          greeting("outer"), new Options(false), Reply.class, WAIT));
      assertTrue(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the relay handler is in flight");
      return reply;
    }

    void release() {
      released.countDown();
    }
  }
}
