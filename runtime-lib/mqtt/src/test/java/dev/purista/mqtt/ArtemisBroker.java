package dev.purista.mqtt;

import dev.purista.testartemis.ArtemisBrokerMain;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An Apache ActiveMQ Artemis broker speaking MQTT, with its persistent journal, in a JVM of its own
 * ({@link ArtemisBrokerMain}), so that a test can kill it with SIGKILL and start it again on the same data. It runs
 * from the classpath that the purista-test-artemis jar lists, which never meets the bridge's.
 *
 * <p>The JVM flags (C1 only, serial GC, a small heap) are for a broker that lives for a test class.
 */
final class ArtemisBroker extends BrokerProcess {
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final String CLASSPATH_RESOURCE = "artemis.classpath";

  private ArtemisBroker(Path directory, int port) {
    super("artemis", directory, port, START_WAIT);
  }

  static ArtemisBroker start() {
    try {
      ArtemisBroker broker = new ArtemisBroker(Files.createTempDirectory("purista-artemis"), freePort());
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare an Artemis broker: " + e, e);
    }
  }

  @Override
  List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-cp", classpath(), ArtemisBrokerMain.class.getName(), directory().toString(), Integer.toString(port()));
  }

  @Override
  boolean readyWithPort() {
    return false;
  }

  @Override
  boolean isReady(String logText) {
    return logText.contains(ArtemisBrokerMain.READY);
  }

  /** The launcher's own jar (or classes directory) and the broker's dependencies that its jar lists. */
  private static String classpath() {
    try (InputStream listed = ArtemisBrokerMain.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (listed == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from purista-test-artemis; build it with "
            + "Maven, which writes it");
      }
      Path launcher = Path.of(ArtemisBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return launcher + java.io.File.pathSeparator + new String(listed.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read the Artemis classpath: " + e, e);
    }
  }
}
