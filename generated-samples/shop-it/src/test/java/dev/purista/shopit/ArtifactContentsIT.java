package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the sample's four artifacts carry: every class compiled from {@code services}, byte for byte the same in
 * each (one copy of the business code, four bootstraps), and no client of a broker its target does not use.
 */
class ArtifactContentsIT {
  private static final List<String> TARGETS = List.of(Sample.MONOLITH, Sample.MICROSERVICE, Sample.LAMBDA,
      Sample.EDGE);
  private static final String AMQP_CLIENT = "com/rabbitmq/";
  private static final String NATS_CLIENT = "io/nats/";
  private static final String MQTT_CLIENT = "com/hivemq/";

  @Test
  void everyTargetCarriesTheSameCompiledServicesClasses() throws Exception {
    Path project = Sample.reactorBuilt();
    Map<String, String> services = classHashes(Sample.servicesClasses(project));
    assertTrue(services.containsKey("com/example/shop/service/user/v1/command/signup/SignUpCommand.class"),
        "the handlers are among the compiled classes: " + services.keySet());
    assertTrue(services.containsKey(
        "com/example/shop/service/email/v1/subscription/sendwelcome/SendWelcomeSubscription.class"));
    for (String target : TARGETS) {
      Map<String, String> inJar = jarHashes(Sample.artifact(project, target), services.keySet());
      assertEquals(services, inJar, target + " carries the services classes unchanged");
    }
  }

  /** The monolith runs every service on the in-memory bridge: no broker client belongs in its jar. */
  @Test
  void theMonolithJarHasNoBrokerClient() throws Exception {
    assertHasNone(entries(Sample.MONOLITH), List.of(AMQP_CLIENT, NATS_CLIENT, MQTT_CLIENT), "the monolith jar");
  }

  @Test
  void theFunctionJarHasNoBrokerClient() throws Exception {
    assertHasNone(entries(Sample.LAMBDA), List.of(AMQP_CLIENT, NATS_CLIENT, MQTT_CLIENT), "the function jar");
  }

  @Test
  void theEdgeJarHasOnlyTheMqttClient() throws Exception {
    List<String> entries = entries(Sample.EDGE);
    assertTrue(entries.stream().anyMatch(entry -> entry.startsWith(MQTT_CLIENT)), "the edge runs on MQTT");
    assertHasNone(entries, List.of(AMQP_CLIENT, NATS_CLIENT), "the edge jar");
  }

  /** The edge serves HTTP on the JDK's own server: Undertow and the XNIO and JBoss Threads under it stay out. */
  @Test
  void theEdgeJarHasNoUndertow() throws Exception {
    List<String> entries = entries(Sample.EDGE);
    assertTrue(entries.stream().anyMatch(entry -> entry.startsWith("dev/purista/http/jdk/")), "the JDK adapter");
    assertHasNone(entries, List.of("io/undertow/", "org/xnio/", "org/jboss/threads/"), "the edge jar");
  }

  @Test
  void theMicroserviceJarHasEveryClientItsBridgeSettingCanChoose() throws Exception {
    // The checks above would pass on a jar they cannot read; this one shows they find the clients where they are.
    List<String> entries = entries(Sample.MICROSERVICE);
    for (String client : List.of(AMQP_CLIENT, NATS_CLIENT, MQTT_CLIENT)) {
      assertTrue(entries.stream().anyMatch(entry -> entry.startsWith(client)), client + " in the microservice jar");
    }
  }

  /** Fails when an entry of a jar lies under one of {@code packages} (as {@code com/rabbitmq/}). */
  private static void assertHasNone(List<String> entries, List<String> packages, String jar) {
    for (String prefix : packages) {
      assertFalse(entries.stream().anyMatch(entry -> entry.startsWith(prefix)), prefix + " in " + jar);
    }
  }

  private static List<String> entries(String target) throws IOException {
    try (JarFile jar = new JarFile(Sample.artifact(Sample.reactorBuilt(), target).toFile())) {
      return jar.stream().map(JarEntry::getName).toList();
    }
  }

  private static Map<String, String> classHashes(Path classes) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        try (InputStream in = Files.newInputStream(file)) {
          hashes.put(classes.relativize(file).toString().replace('\\', '/'), sha256(in));
        }
      }
    }
    return hashes;
  }

  /** The hashes of {@code names} in {@code jar}; a missing class is absent from the map. */
  private static Map<String, String> jarHashes(Path jar, Iterable<String> names) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String name : names) {
        JarEntry entry = file.getJarEntry(name);
        if (entry != null) {
          try (InputStream in = file.getInputStream(entry)) {
            hashes.put(name, sha256(in));
          }
        }
      }
    }
    return hashes;
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
