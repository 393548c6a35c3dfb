package dev.purista.testhivemq;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a HiveMQ Community Edition broker with file persistence in a directory and on a port given as arguments,
 * until its standard input closes (the test that started it ended) or it is killed. Started again on the same
 * directory, it recovers its sessions, subscriptions and queued messages from there.
 *
 * <pre>{@code java -cp <hivemq.classpath> dev.purista.testhivemq.HiveMqBrokerMain <directory> <port>}</pre>
 */
public final class HiveMqBrokerMain {
  /** Printed on standard output once the listener is open. */
  public static final String READY = "HiveMQ is listening";

  private HiveMqBrokerMain() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: HiveMqBrokerMain <directory> <port>");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Path configuration = Files.createDirectories(directory.resolve("conf"));
    Files.writeString(configuration.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
    // HiveMQ logs every start at INFO; a test run needs its warnings, and every message it drops.
    Files.writeString(configuration.resolve("logback.xml"), LOGBACK, StandardCharsets.UTF_8);
    EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(configuration)
        .withDataFolder(Files.createDirectories(directory.resolve("data")))
        .withExtensionsFolder(Files.createDirectories(directory.resolve("extensions")))
        .build();
    broker.start().join();
    System.out.println(READY + " on port " + port);
    System.out.flush();
    awaitEndOfInput(System.in);
    // Leaving without stopping the broker is what a crash looks like too; the tests want no graceful variant.
    Runtime.getRuntime().halt(0);
  }

  /** The parent process holds the other end: when it goes, for whatever reason, this broker goes too. */
  private static void awaitEndOfInput(InputStream input) {
    try {
      while (input.read() != -1) {
        // Nothing is ever sent; reading only waits for the end.
      }
    } catch (IOException closed) {
      // The same as the end.
    }
  }

  private static String config(int port) {
    return "<?xml version=\"1.0\"?>\n"
        + "<hivemq>\n"
        + "  <listeners>\n"
        + "    <tcp-listener>\n"
        + "      <port>" + port + "</port>\n"
        + "      <bind-address>127.0.0.1</bind-address>\n"
        + "    </tcp-listener>\n"
        + "  </listeners>\n"
        + "  <mqtt>\n"
        // The default of 1000 drops, after acknowledging them, the events of a shared subscription whose members
        // lag behind, as they do after a broker restart (docs/bridges/mqtt.md, The broker).
        + "    <queued-messages>\n"
        + "      <max-queue-size>100000</max-queue-size>\n"
        + "    </queued-messages>\n"
        + "  </mqtt>\n"
        + "  <persistence>\n"
        + "    <mode>file</mode>\n"
        + "  </persistence>\n"
        + "  <anonymous-usage-statistics>\n"
        + "    <enabled>false</enabled>\n"
        + "  </anonymous-usage-statistics>\n"
        + "</hivemq>\n";
  }

  private static final String LOGBACK = "<configuration>\n"
      + "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
      + "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %msg%n</pattern></encoder>\n"
      + "  </appender>\n"
      + "  <logger name=\"event.message-dropped\" level=\"DEBUG\"/>\n"
      + "  <root level=\"WARN\"><appender-ref ref=\"CONSOLE\"/></root>\n"
      + "</configuration>\n";
}
