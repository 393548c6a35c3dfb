package dev.purista.benchmarks.mqtt;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.mqtt.MqttBridge;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Durable events through two {@link MqttBridge}s (two "processes"), at the bridge SPI: one bridge {@code emit}s,
 * the other serves a durable shared subscription whose endpoint completes at once. This is what the bridge adds
 * to the raw client: the PURISTA envelope as JSON both ways, the 13-segment topic, PURISTA's routing headers as
 * user properties, the subscription's filter check and its delivery policy.
 */
final class BridgeEmit implements EmitVariant {
  static final Map<String, Object> PAYLOAD = Map.of("name", "benchmark", "count", 1);
  private static final MessageAddress SUBSCRIBER = MessageAddress.of("benchAudit", "1", "onBenchEvent");
  private final MqttBridge publisher;
  private final MqttBridge subscriber;
  private final MessageAddress sender;
  private final String eventName;
  private final AtomicReference<Arrivals> waiting = new AtomicReference<>();

  BridgeEmit(String url, Duration expiry) {
    eventName = "benchEvent" + MessageIds.newId().substring(0, 8);
    subscriber = MqttBridge.configure(config -> config.url(url));
    subscriber.start();
    subscriber.registerSubscription(new SubscriptionSpec(SUBSCRIBER, SubscriptionFilter.forEvent(eventName), true,
        true), message -> {
          Arrivals arrivals = waiting.get();
          if (arrivals != null) {
            arrivals.arrived();
          }
          return CompletableFuture.completedFuture(null);
        });
    publisher = MqttBridge.configure(config -> config.url(url).eventExpiry(expiry));
    publisher.start();
    sender = new MessageAddress("benchEmitter", "1", "emit", publisher.instanceId());
  }

  /** An event like the ones this variant emits, for the raw variant's body size. */
  static Message sampleEvent(MessageAddress sender, String eventName) {
    return Message.builder(MessageType.CUSTOM_MESSAGE).sender(sender).eventName(eventName)
        .traceId(MessageIds.newId()).payload(PAYLOAD).build();
  }

  MessageAddress sender() {
    return sender;
  }

  String eventName() {
    return eventName;
  }

  @Override
  public String name() {
    return "purista MqttBridge (bridge SPI)";
  }

  @Override
  public void call() throws Exception {
    Arrivals arrivals = new Arrivals(1);
    waiting.set(arrivals);
    publisher.emit(sampleEvent(sender, eventName)).get(5, TimeUnit.SECONDS);
    arrivals.done.get(5, TimeUnit.SECONDS);
  }

  @Override
  public long burst(int events) throws Exception {
    Arrivals arrivals = new Arrivals(events);
    waiting.set(arrivals);
    long start = System.nanoTime();
    List<CompletableFuture<Void>> sent = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      sent.add(publisher.emit(sampleEvent(sender, eventName)));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    arrivals.done.get(60, TimeUnit.SECONDS);
    return System.nanoTime() - start;
  }

  @Override
  public void close() {
    publisher.stop();
    subscriber.stop();
  }
}
