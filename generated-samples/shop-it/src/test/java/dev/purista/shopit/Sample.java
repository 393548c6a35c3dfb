package dev.purista.shopit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a built sample project keeps what this module tests: each target's artifact and the compiled business
 * classes of {@code services}.
 */
final class Sample {
  /** The four targets, by the name of their module under {@code targets/}. */
  static final String MONOLITH = "monolith";
  static final String MICROSERVICE = "microservice";
  static final String LAMBDA = "lambda";
  static final String EDGE = "edge";

  private Sample() {
  }

  /** The sample project as the reactor built it. */
  static Path reactorBuilt() {
    return Path.of(System.getProperty("purista.shop.dir")).toAbsolutePath().normalize();
  }

  /** The artifact of {@code target} in the built project {@code project}; fails when it was not built. */
  static Path artifact(Path project, String target) {
    String version = System.getProperty("purista.shop.version");
    Path jar = project.resolve("targets").resolve(target).resolve("target")
        .resolve("shop-" + target + "-" + version + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the " + target + " target's artifact is missing: " + jar
          + " (build the sample first: mvn install from the repository root)");
    }
    return jar;
  }

  /** The compiled classes of the project's {@code services} module. */
  static Path servicesClasses(Path project) {
    Path classes = project.resolve("services").resolve("target").resolve("classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("the services module was not compiled: " + classes);
    }
    return classes;
  }
}
