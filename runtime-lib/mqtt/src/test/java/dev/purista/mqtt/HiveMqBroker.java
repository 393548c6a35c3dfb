package dev.purista.mqtt;

import dev.purista.testhivemq.HiveMqBrokerMain;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A HiveMQ Community Edition broker with file persistence, in a JVM of its own ({@link HiveMqBrokerMain}), so
 * that a test can kill it with SIGKILL and start it again on the same data. It runs from the classpath that the
 * purista-test-hivemq jar lists, which never meets the bridge's.
 *
 * <p>Its start costs about 5 s and 200 MB: the JVM flags below (C1 only, serial GC, a small heap) are for a
 * broker that lives for a test class, not for throughput.
 */
final class HiveMqBroker extends BrokerProcess {
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final String CLASSPATH_RESOURCE = "hivemq.classpath";

  private HiveMqBroker(Path directory, int port) {
    super("hivemq", directory, port, START_WAIT);
  }

  static HiveMqBroker start() {
    try {
      HiveMqBroker broker = new HiveMqBroker(Files.createTempDirectory("purista-hivemq"), freePort());
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a HiveMQ broker: " + e, e);
    }
  }

  @Override
  List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", classpath(),
        HiveMqBrokerMain.class.getName(), directory().toString(), Integer.toString(port()));
  }

  @Override
  boolean readyWithPort() {
    return false;
  }

  @Override
  boolean isReady(String logText) {
    return logText.contains(HiveMqBrokerMain.READY);
  }

  /** The launcher's own jar (or classes directory) and the broker's dependencies that its jar lists. */
  private static String classpath() {
    try (InputStream listed = HiveMqBrokerMain.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (listed == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from purista-test-hivemq; build it with "
            + "Maven, which writes it");
      }
      Path launcher = Path.of(HiveMqBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return launcher + java.io.File.pathSeparator + new String(listed.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the HiveMQ classpath: " + e, e);
    }
  }
}
