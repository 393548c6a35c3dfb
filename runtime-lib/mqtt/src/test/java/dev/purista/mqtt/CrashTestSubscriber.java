package dev.purista.mqtt;

import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The subscriber of {@link BrokerCrashFaultTest}, in a process of its own as in production: a service with a
 * shared durable subscription, on a stable client id, that appends the number of every event it handles to a file
 * and forces it to disk before the bridge acknowledges the event. It runs until its standard input closes. Settings
 * beyond those below come from its environment ({@code PURISTA_MQTT_*}), as in production.
 *
 * <pre>{@code java -cp <test classpath> dev.purista.mqtt.CrashTestSubscriber <url> <clientId> <service> <event> <file>}</pre>
 */
public final class CrashTestSubscriber {
  /** Printed on standard output once the subscription is served. */
  static final String READY = "crash test subscriber ready";

  private CrashTestSubscriber() {
  }

  /** Payload of the test events. */
  public record Tick(int sequence) {
  }

  public static void main(String[] args) throws IOException {
    String url = args[0];
    String clientId = args[1];
    String serviceName = args[2];
    String event = args[3];
    FileChannel handled = FileChannel.open(Path.of(args[4]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    MqttBridge bridge = MqttBridge.configure(config -> {
      MqttEnvironment.apply(System::getenv, config);
      config.url(url).clientId(clientId).reconnectDelay(Duration.ofMillis(100))
          .reconnectMaxDelay(Duration.ofMillis(500));
    });
    bridge.start();
    Service service = ServiceDefinition.builder(serviceName, "1")
        .subscription(SubscriptionDefinition.builder("onTick", Tick.class, Void.class).event(event)
            .handler((context, tick) -> {
              record(handled, tick.sequence());
              return null;
            })
            .build())
        .build()
        .getInstance(bridge);
    service.start();
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() != -1) {
      // Nothing is sent; the end of input is the signal to go.
    }
    // Gone without a graceful stop, like a crash: the broker keeps the session for the next run.
    Runtime.getRuntime().halt(0);
  }

  private static synchronized void record(FileChannel handled, int sequence) {
    try {
      handled.write(ByteBuffer.wrap((sequence + "\n").getBytes(StandardCharsets.US_ASCII)));
      handled.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
