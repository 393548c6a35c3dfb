package dev.purista.shopit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sample with a few lines of business code in its user-owned handlers, built by Maven the way a user builds
 * it. The generated handlers are skeletons that return empty records, so nothing outside a monolith could tell
 * whether a subscription ran; with this code, {@code signUp} stores the user, {@code sendWelcome} counts the
 * welcome in the state store and names the instance that sent it, and {@code getUser} reads both back.
 *
 * <p>The files under {@code src/test/business} replace their namesakes in a copy of the sample; only user-owned
 * files are replaced, so every generated file (wiring, bootstraps, poms, the edge launcher) is the sample's own.
 * Only the monolith, microservice and edge targets are built from it, since only their tests run this code; one
 * build serves every test class in this JVM.
 */
final class BusinessBuild {
  private static final long BUILD_MINUTES = 10;
  private static Path built;

  private BusinessBuild() {
  }

  /** The built copy, building it on the first call. */
  static synchronized Path project() {
    if (built == null) {
      built = build();
    }
    return built;
  }

  private static Path build() {
    Path work = Path.of(System.getProperty("purista.shop.work")).resolve("business");
    try {
      deleteTree(work);
      copyTree(Sample.reactorBuilt(), work, true);
      copyTree(Path.of(System.getProperty("purista.shop.business")), work, false);
      Path log = work.resolve("build.log");
      List<String> command = List.of(maven().toString(), "-B", "-o", "-q",
          "-Dmaven.repo.local=" + System.getProperty("purista.maven.repo"),
          // The sample's own tests exercise the skeletons this copy replaced.
          "-Dmaven.test.skip=true",
          // Only the targets that run this code; the edge bundle (jlink) is not needed either.
          "-pl", "targets/" + Sample.MONOLITH + ",targets/" + Sample.MICROSERVICE + ",targets/" + Sample.EDGE, "-am",
          "-Dexec.skip=true",
          "package");
      Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("the business build did not finish in " + BUILD_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the business build failed (" + process.exitValue() + "):\n"
            + Files.readString(log));
      }
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path maven() {
    Path bin = Path.of(System.getProperty("purista.maven.home"), "bin");
    return bin.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn");
  }

  /** Copies {@code from} into {@code to}; with {@code skipBuildOutput}, leaves out every {@code target/}. */
  private static void copyTree(Path from, Path to, boolean skipBuildOutput) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (skipBuildOutput && isBuildOutput(relative)) {
          continue;
        }
        Path copy = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static boolean isBuildOutput(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }
}
