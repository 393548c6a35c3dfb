package dev.purista.testartemis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * Runs an Apache ActiveMQ Artemis broker that speaks MQTT only, with its persistent journal in a directory and on
 * a port given as arguments, until its standard input closes (the test that started it ended) or it is killed.
 * Started again on the same directory, it recovers its MQTT sessions, shared subscriptions and queued messages
 * from the journal.
 *
 * <pre>{@code java -cp <artemis.classpath> dev.purista.testartemis.ArtemisBrokerMain <directory> <port>}</pre>
 */
public final class ArtemisBrokerMain {
  /** Printed on standard output once the broker serves. */
  public static final String READY = "Artemis is listening";

  private ArtemisBrokerMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ArtemisBrokerMain <directory> <port>");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    broker.setConfiguration(configuration(directory, port));
    broker.start();
    System.out.println(READY + " on port " + port);
    System.out.flush();
    awaitEndOfInput(System.in);
    // Leaving without stopping the broker is what a crash looks like too; the tests want no graceful variant.
    Runtime.getRuntime().halt(0);
  }

  static Configuration configuration(Path directory, int port) throws Exception {
    ConfigurationImpl configuration = new ConfigurationImpl();
    configuration.setName("purista-test-artemis");
    configuration.setSecurityEnabled(false);
    // The journal is written and synced to disk before a durable message is acknowledged (the defaults, spelled
    // out: they are what makes a kill lose nothing). NIO needs no native library.
    configuration.setPersistenceEnabled(true);
    configuration.setJournalType(JournalType.NIO);
    configuration.setJournalSyncNonTransactional(true);
    configuration.setJournalSyncTransactional(true);
    configuration.setJournalDatasync(true);
    configuration.setJournalDirectory(directory.resolve("journal").toString());
    configuration.setBindingsDirectory(directory.resolve("bindings").toString());
    configuration.setLargeMessagesDirectory(directory.resolve("large-messages").toString());
    configuration.setPagingDirectory(directory.resolve("paging").toString());
    configuration.setNodeManagerLockDirectory(directory.resolve("lock").toString());
    configuration.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + port + "?protocols=MQTT");
    // Artemis counts a delivery as an attempt whenever the consumer's connection closes with it unacknowledged, as
    // every broker kill does, and by default drops a message after 10 attempts when no dead-letter address is set.
    // MQTT has no such limit, and the bridge dead-letters by itself, so the broker must never give up on one.
    configuration.addAddressSetting("#", new AddressSettings().setMaxDeliveryAttempts(-1));
    return configuration;
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
}
