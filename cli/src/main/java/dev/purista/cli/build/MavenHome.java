package dev.purista.cli.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Maven installation to run, in the order a Java developer expects: the {@code maven.home} system
 * property (set when running inside Maven), {@code MAVEN_HOME}, {@code M2_HOME}, then {@code mvn} on the
 * {@code PATH}.
 */
final class MavenHome {
  private MavenHome() {
  }

  static Optional<Path> locate(Map<String, String> environment) {
    return locate(System.getProperty("maven.home"), environment);
  }

  static Optional<Path> locate(String mavenHomeProperty, Map<String, String> environment) {
    for (String candidate : new String[] {
        mavenHomeProperty, environment.get("MAVEN_HOME"), environment.get("M2_HOME")}) {
      if (candidate != null && !candidate.isBlank() && isMavenHome(Path.of(candidate))) {
        return Optional.of(Path.of(candidate));
      }
    }
    String path = environment.getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path mvn = Path.of(entry, "mvn");
      if (Files.isExecutable(mvn)) {
        try {
          // /usr/bin/mvn is usually a link into the installation; its real bin/ directory's parent is the home.
          Path home = mvn.toRealPath().getParent().getParent();
          if (home != null && isMavenHome(home)) {
            return Optional.of(home);
          }
        } catch (IOException e) {
          // a dangling link: keep looking
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isMavenHome(Path home) {
    return Files.isRegularFile(home.resolve("bin").resolve("mvn"))
        || Files.isRegularFile(home.resolve("bin").resolve("mvn.cmd"));
  }
}
