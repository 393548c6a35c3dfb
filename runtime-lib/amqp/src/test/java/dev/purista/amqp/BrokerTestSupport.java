package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.fail;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the bridge tests beyond the contract: a fresh prefix per test (its own exchange, queues and dead-letter
 * queue), bridges that are stopped afterwards, a plain client connection for looking at the broker, and waits
 * that poll instead of sleeping.
 */
abstract class BrokerTestSupport {
  static final Duration WAIT = Duration.ofSeconds(15);

  protected String prefix;
  protected Connection inspector;
  private final List<AmqpBridge> bridges = new ArrayList<>();

  @BeforeEach
  void newPrefix() {
    prefix = TestBroker.uniquePrefix(getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    inspector = TestBroker.connect();
  }

  @AfterEach
  void stopAndClean() throws IOException {
    bridges.forEach(AmqpBridge::stop);
    bridges.clear();
    inspector.close();
    TestBroker.deleteEverything(prefix);
  }

  /** A started bridge of this test, stopped after it. */
  protected AmqpBridge bridge() {
    return bridge(TestBroker.config(prefix).build());
  }

  protected AmqpBridge bridge(AmqpBridgeConfig config) {
    AmqpBridge bridge = new AmqpBridge(config);
    bridge.start();
    bridges.add(bridge);
    return bridge;
  }

  protected static Message event(String eventName, Object payload) {
    return Message.builder(MessageType.CUSTOM_MESSAGE)
        .eventName(eventName)
        .sender(new MessageAddress("tester", "1", "test", "tester-instance"))
        .payload(payload)
        .build();
  }

  /** Takes one message off {@code queue}, waiting up to {@link #WAIT}; fails when none arrives. */
  protected GetResponse takeOne(String queue) throws IOException {
    try (Channel channel = inspector.createChannel()) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        GetResponse response = channel.basicGet(queue, true);
        if (response != null) {
          return response;
        }
        sleep(Duration.ofMillis(20));
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException(e);
    }
    return fail("no message on " + queue + " within " + WAIT.toSeconds() + " s");
  }

  /** How many messages wait in {@code queue} now. */
  protected long depth(String queue) throws IOException {
    try (Channel channel = inspector.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException(e);
    }
  }

  protected static String header(GetResponse response, String name) {
    Map<String, Object> headers = response.getProps().getHeaders();
    Object value = headers == null ? null : headers.get(name);
    return value == null ? null : value.toString();
  }

  protected static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + WAIT.toSeconds() + " s: " + what);
      }
      sleep(Duration.ofMillis(10));
    }
  }

  protected static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
