package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events at QoS 1 on the main connection and completes when the broker has them, closing two gaps
 * between "the broker acknowledged" and "a subscriber will get it":
 * <ul>
 *   <li>An event in flight when the connection dropped is sent once more after the reconnect: it may then arrive
 *       twice, which at-least-once allows, rather than not at all.</li>
 *   <li>Right after a broker restart the publisher is often back before the subscribers have subscribed again,
 *       and the broker acknowledges what it cannot route with "no matching subscribers" (0x10) and drops it.
 *       Mosquitto 2.0.11 does so even for the shared subscriptions of sessions it restored from its persistence
 *       file. So within {@code restartHold} of the connection coming back, an event acknowledged with 0x10 is
 *       held and published again, with growing pauses, until a subscription takes it or the hold ends. After
 *       the hold, 0x10 means what MQTT says: nobody subscribes, and the event is dropped.</li>
 * </ul>
 */
public final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

  private final MqttConnection connection;
  private final Duration publishWait;
  private final Duration restartHold;

  /**
   * @param publishWait how long a publish waits for a lost connection to come back
   * @param restartHold how long after a reconnect an unrouted event is held and published again
   */
  public EventPublisher(MqttConnection connection, Duration publishWait, Duration restartHold) {
    this.connection = connection;
    this.publishWait = publishWait;
    this.restartHold = restartHold;
  }

  /**
   * Completes when the broker acknowledged the event to at least one subscription, or with "no matching
   * subscribers" outside the hold; fails with the reason when it could not be published.
   *
   * @param accepting whether the bridge still takes events, checked before a second attempt
   */
  public CompletableFuture<Void> publish(Mqtt5Publish publish, BooleanSupplier accepting) {
    return attempt(publish, accepting, true, FIRST_PAUSE);
  }

  private CompletableFuture<Void> attempt(Mqtt5Publish publish, BooleanSupplier accepting, boolean firstTry,
      Duration pause) {
    return connection.publishWhenConnected(publish, publishWait)
        .handle((result, failure) -> {
          if (failure != null) {
            if (firstTry && MqttConnection.isConnectionLoss(failure) && accepting.getAsBoolean()) {
              return attempt(publish, accepting, false, pause);
            }
            return CompletableFuture.<Void>failedFuture(failure);
          }
          Duration left = unrouted(result) ? connection.leftSinceReconnect(restartHold) : Duration.ZERO;
          if (left.isZero() || !accepting.getAsBoolean()) {
            return CompletableFuture.<Void>completedFuture(null);
          }
          LOG.debug("event on {} found no subscription {} ms after a reconnect; publishing it again",
              publish.getTopic(), restartHold.minus(left).toMillis());
          Duration wait = pause.compareTo(left) < 0 ? pause : left;
          Duration next = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
          return CompletableFuture.supplyAsync(() -> null, after(wait))
              .thenCompose(ignored -> attempt(publish, accepting, firstTry, next));
        })
        .thenCompose(next -> next);
  }

  private static boolean unrouted(Mqtt5PublishResult result) {
    return result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
        && qos1.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS;
  }

  private static Executor after(Duration wait) {
    return CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
