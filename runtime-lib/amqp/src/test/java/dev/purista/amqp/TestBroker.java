package dev.purista.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.purista.core.message.MessageIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ the tests run against: {@code PURISTA_AMQP_URL}, else the local broker with the default guest
 * account. Every test class works under a name prefix of its own (exchange and queues), so that runs cannot see
 * each other's leftovers, and deletes what it declared when it is done. There is no skip: a missing broker fails
 * the first connect.
 *
 * <p>Cutting connections uses {@code rabbitmqctl} ({@code PURISTA_RABBITMQCTL} names another binary), and cuts
 * only the connections whose name starts with the test's prefix, so other clients of the broker go on.
 */
final class TestBroker {
  static final String URL = System.getenv().getOrDefault("PURISTA_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672");
  private static final String RABBITMQCTL = System.getenv().getOrDefault("PURISTA_RABBITMQCTL", "rabbitmqctl");

  private TestBroker() {
  }

  /** A prefix no other run uses, such as {@code t-contract-3f9a1c2b}. */
  static String uniquePrefix(String base) {
    return "t-" + base + "-" + MessageIds.newId().substring(0, 8);
  }

  /** Settings for a bridge of the test class with {@code prefix}: fast retries, short drain. */
  static AmqpBridgeConfig.Builder config(String prefix) {
    String instance = MessageIds.newId().substring(0, 12);
    return AmqpBridgeConfig.builder()
        .url(URL)
        .exchange(prefix)
        .namePrefix(prefix)
        .instanceId(instance)
        .connectionName(prefix + "-" + instance)
        .retryDelay(Duration.ofMillis(20))
        .reconnectDelay(Duration.ofMillis(500))
        .stopTimeout(Duration.ofSeconds(5));
  }

  static Connection connect() {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(URL);
      factory.setAutomaticRecoveryEnabled(false);
      return factory.newConnection("test-tool");
    } catch (Exception e) {
      throw new AssertionError("RabbitMQ is not reachable at " + AmqpBridgeConfig.withoutUserInfo(
          java.net.URI.create(URL)) + ": " + e, e);
    }
  }

  /** Closes, on the broker's side, every connection whose name starts with {@code prefix}; returns how many. */
  static int cutConnections(String prefix) {
    List<String> pids = new ArrayList<>();
    for (String line : rabbitmqctl("list_connections", "pid", "client_properties", "-q", "--no-table-headers")) {
      int tab = line.indexOf('\t');
      if (tab > 0 && line.contains("\"" + prefix)) {
        pids.add(line.substring(0, tab).trim());
      }
    }
    for (String pid : pids) {
      rabbitmqctl("close_connection", pid, "fault test: connection cut");
    }
    return pids.size();
  }

  /** Deletes every queue and both exchanges named with {@code prefix}. */
  static void deleteEverything(String prefix) {
    List<String> queues = new ArrayList<>();
    for (String line : rabbitmqctl("list_queues", "name", "-q", "--no-table-headers")) {
      if (line.trim().startsWith(prefix + ".")) {
        queues.add(line.trim());
      }
    }
    try (Connection connection = connect(); Channel channel = connection.createChannel()) {
      for (String queue : queues) {
        channel.queueDelete(queue);
      }
      channel.exchangeDelete(prefix);
      channel.exchangeDelete(prefix + ".dead-letter");
    } catch (IOException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("cleanup of " + prefix + " failed: " + e, e);
    }
  }

  private static List<String> rabbitmqctl(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(RABBITMQCTL);
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + output);
      }
      return output.lines().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + RABBITMQCTL + " (set PURISTA_RABBITMQCTL): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
