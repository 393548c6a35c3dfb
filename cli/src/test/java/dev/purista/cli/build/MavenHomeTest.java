package dev.purista.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenHomeTest {
  @TempDir
  Path dir;

  private Path fakeMavenHome(String name) throws IOException {
    Path home = dir.resolve(name);
    Path mvn = Files.createDirectories(home.resolve("bin")).resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\n");
    assertEquals(true, mvn.toFile().setExecutable(true));
    return home;
  }

  @Test
  void prefersTheSystemPropertyThenMavenHomeThenM2Home() throws IOException {
    Path property = fakeMavenHome("property");
    Path mavenHome = fakeMavenHome("maven-home");
    Path m2Home = fakeMavenHome("m2-home");
    Map<String, String> environment = Map.of("MAVEN_HOME", mavenHome.toString(), "M2_HOME", m2Home.toString());
    assertEquals(Optional.of(property), MavenHome.locate(property.toString(), environment));
    assertEquals(Optional.of(mavenHome), MavenHome.locate(null, environment));
    assertEquals(Optional.of(m2Home), MavenHome.locate(null, Map.of("M2_HOME", m2Home.toString())));
  }

  @Test
  void followsMvnOnThePathToItsInstallation() throws IOException {
    Path home = fakeMavenHome("installed");
    Path bin = Files.createDirectories(dir.resolve("usr-bin"));
    Files.createSymbolicLink(bin.resolve("mvn"), home.resolve("bin/mvn"));
    assertEquals(Optional.of(home.toRealPath()), MavenHome.locate(null, Map.of("PATH", "/nonexistent:" + bin)));
  }

  @Test
  void findsNothingWhereThereIsNoMaven() {
    assertEquals(Optional.empty(), MavenHome.locate(null, Map.of("PATH", dir.toString(), "MAVEN_HOME", "/nope")));
  }
}
