package dev.purista.cli;

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

/**
 * Checks on the artifacts a generated project with every target builds: each target's jar exists, carries the
 * same compiled business classes as the others, and no broker client or server its target does not use.
 */
final class TargetArtifacts {
  static final List<String> TARGETS = List.of("monolith", "microservice", "lambda", "edge");
  private static final String SERVICES_PACKAGE = "com/example/shop/service/";
  private static final Map<String, String> CLIENTS = Map.of(
      "com/rabbitmq/client/", "the AMQP client",
      "io/nats/client/", "the NATS client",
      "com/hivemq/client/", "the MQTT client",
      "io/undertow/", "Undertow");

  private TargetArtifacts() {
  }

  static Path jar(Path project, String target) {
    return project.resolve("targets/" + target + "/target/shop-" + target + "-0.1.0-SNAPSHOT.jar");
  }

  /** Every target's jar holds the same business classes, byte for byte: one copy of the code, four artifacts. */
  static void haveTheSameBusinessClasses(Path project) throws IOException {
    Map<String, String> first = null;
    for (String target : TARGETS) {
      Map<String, String> classes = businessClassHashes(jar(project, target));
      assertFalse(classes.isEmpty(), target + " has no business classes");
      if (first == null) {
        first = classes;
      } else {
        assertEquals(first, classes, target + " differs from monolith in its business classes");
      }
    }
  }

  /**
   * The monolith jar has no broker client (it runs on the in-memory bridge), the lambda jar none and no server,
   * the edge jar no AMQP or NATS client.
   */
  static void carryOnlyTheClientsTheirTargetUses(Path project) throws IOException {
    assertLacks(jar(project, "lambda"), List.of("com/rabbitmq/client/", "io/nats/client/", "com/hivemq/client/",
        "io/undertow/"));
    assertLacks(jar(project, "monolith"), List.of("com/rabbitmq/client/", "io/nats/client/", "com/hivemq/client/"));
    assertLacks(jar(project, "edge"), List.of("com/rabbitmq/client/", "io/nats/client/"));
    assertHas(jar(project, "edge"), "com/hivemq/client/");
    assertHas(jar(project, "microservice"), "com/rabbitmq/client/");
    assertHas(jar(project, "microservice"), "io/nats/client/");
  }

  private static void assertLacks(Path jar, List<String> prefixes) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String prefix : prefixes) {
        assertTrue(file.stream().noneMatch(e -> e.getName().startsWith(prefix)),
            jar.getFileName() + " carries " + CLIENTS.get(prefix));
      }
    }
  }

  private static void assertHas(Path jar, String prefix) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      assertTrue(file.stream().anyMatch(e -> e.getName().startsWith(prefix)),
          jar.getFileName() + " lacks " + CLIENTS.get(prefix));
    }
  }

  private static Map<String, String> businessClassHashes(Path jar) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        if (entry.getName().startsWith(SERVICES_PACKAGE) && entry.getName().endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            hashes.put(entry.getName(), sha256(in.readAllBytes()));
          }
        }
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The edge bundle holds a runtime image, the jar, the launcher and the systemd unit. */
  static void edgeBundleIsComplete(Path project) {
    Path bundle = project.resolve("targets/edge/target/bundle");
    for (String file : List.of("runtime/bin/java", "lib/shop-edge.jar", "bin/shop-edge", "shop-edge.service")) {
      assertTrue(Files.isRegularFile(bundle.resolve(file)), "the bundle lacks " + file);
    }
    assertTrue(Files.isExecutable(bundle.resolve("bin/shop-edge")), "the launcher is executable");
  }
}
