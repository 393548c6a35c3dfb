package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.purista.cli.ExternalProcess.Finished;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The black-box test of what a user gets: {@code install.sh} installs the launcher into a temporary PREFIX and
 * PURISTA_HOME, and the installed {@code purista} runs as its own process, as from a shell: new project, add
 * service, add command, then {@code purista build}, a real offline Maven build against the local repository that
 * this reactor's {@code mvn install} filled. A second install must replace the first cleanly, and
 * {@code --uninstall} must remove the launcher and its data and nothing else.
 *
 * <p>It runs in the integration-test phase, after the shaded jar is packaged, and installs from that jar
 * ({@code --skip-build}): a nested build of the same repository inside {@code mvn install} would be slow and
 * would race with the outer one. Anything it needs that is missing (bash, the repository, Maven) fails it.
 */
class LauncherIT {
  private static final Duration INSTALL = Duration.ofMinutes(5);
  private static final Duration BUILD = Duration.ofMinutes(5);
  private static final Duration COMMAND = Duration.ofMinutes(1);

  @TempDir
  Path dir;

  @Test
  void installsALauncherThatCreatesGrowsAndBuildsAProjectAndUninstallsCleanly() throws Exception {
    Path repository = Path.of(ExternalProcess.requiredProperty("purista.repository")).toAbsolutePath().normalize();
    Path installScript = repository.resolve("install.sh");
    assertTrue(Files.isRegularFile(installScript), "install.sh is at the repository root: " + installScript);
    Path prefix = dir.resolve("bin");
    Path home = dir.resolve("share/purista");
    Path launcher = prefix.resolve("purista");
    Path work = Files.createDirectories(dir.resolve("work"));
    Map<String, String> installEnvironment = Map.of("PREFIX", prefix.toString(), "PURISTA_HOME", home.toString());

    // --skip-build promises to work without Maven: run it with a PATH that has the tools it uses, but no mvn.
    Map<String, String> withoutMaven = new HashMap<>(installEnvironment);
    withoutMaven.put("PATH", toolsWithoutMaven().toString());
    Finished install = run(repository, withoutMaven, INSTALL, "bash", installScript.toString(), "--skip-build");
    assertEquals(0, install.exitCode(), install.toString());
    assertTrue(Files.isExecutable(launcher), "the launcher is installed\n" + install);
    assertTrue(Files.isRegularFile(home.resolve("purista-cli.jar")), install.toString());
    assertTrue(Files.isRegularFile(home.resolve("purista.jsa")), "the class-data archive was made\n" + install);
    assertTrue(install.output().contains("is not on your PATH"), "warns about PREFIX\n" + install);

    Finished version = purista(launcher, work, "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.output().startsWith("purista "), version.toString());
    assertFalse(version.output().contains("[warning]"), "the JVM accepted the archive silently\n" + version);

    Finished newProject = purista(launcher, work, "new", "project", "shop", "--group-id", "com.example", "-B");
    assertEquals(0, newProject.exitCode(), newProject.toString());
    Path project = work.resolve("shop");
    for (String file : List.of("pom.xml", "purista.json", ".git/HEAD",
        "services/src/main/java/com/example/shop/service/ping/v1/command/ping/PingCommand.java")) {
      assertTrue(Files.exists(project.resolve(file)), file + "\n" + newProject);
    }

    Finished addService = purista(launcher, project, "add", "service", "user", "--description", "Manages users", "-B");
    assertEquals(0, addService.exitCode(), addService.toString());
    assertTrue(Files.isRegularFile(project.resolve("services/src/main/java/com/example/shop/service/user/v1/UserV1Service.java")),
        addService.toString());

    Finished addCommand = purista(launcher, project, "add", "command", "signUp", "--service", "user",
        "--http", "POST:users", "--emits", "user.signedUp", "-B");
    assertEquals(0, addCommand.exitCode(), addCommand.toString());
    String commandPackage = "com/example/shop/service/user/v1/command/signup/";
    assertTrue(Files.isRegularFile(project.resolve("services/src/main/java/" + commandPackage + "SignUpCommand.java")),
        addCommand.toString());
    assertTrue(Files.isRegularFile(project.resolve("services/src/test/java/" + commandPackage + "SignUpCommandTest.java")),
        addCommand.toString());

    Finished build = run(project, Map.of("MAVEN_HOME", ExternalProcess.requiredProperty("maven.home")), BUILD,
        launcher.toString(), "build", "--offline", "-Dmaven.repo.local=" + ExternalProcess.requiredProperty("maven.repo.local"));
    assertEquals(0, build.exitCode(), build.toString());
    assertTrue(build.output().contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"),
        "both generated tests ran and passed\n" + build);
    assertTrue(Files.isRegularFile(project.resolve("targets/monolith/target/shop-monolith-0.1.0-SNAPSHOT.jar")), build.toString());

    Finished reinstall = run(repository, installEnvironment, INSTALL, "bash", installScript.toString(),
        "--skip-build");
    assertEquals(0, reinstall.exitCode(), "a second install replaces the first\n" + reinstall);
    Finished listAfterReinstall = purista(launcher, project, "list");
    assertEquals(0, listAfterReinstall.exitCode(), listAfterReinstall.toString());
    assertTrue(listAfterReinstall.output().contains("signUp"), listAfterReinstall.toString());

    Finished uninstall = run(repository, installEnvironment, INSTALL, "bash", installScript.toString(),
        "--uninstall");
    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertFalse(Files.exists(launcher), "the launcher is gone\n" + uninstall);
    assertFalse(Files.exists(home), "the data directory is gone\n" + uninstall);
    assertTrue(Files.isDirectory(prefix), "PREFIX itself stays: other programs live there too");
    assertTrue(Files.isRegularFile(project.resolve("purista.json")), "projects are the user's and stay");
  }

  /** A directory of links to the commands install.sh runs, found on this PATH; Maven is not among them. */
  private Path toolsWithoutMaven() throws IOException {
    Path tools = Files.createDirectories(dir.resolve("tools-without-maven"));
    for (String tool : List.of("bash", "sh", "java", "sed", "head", "grep", "awk", "mkdir", "mktemp", "cp", "mv",
        "rm", "rmdir", "cat", "chmod", "stat", "dirname", "tail")) {
      Path found = onPath(tool);
      Files.createSymbolicLink(tools.resolve(tool), found);
    }
    assertFalse(Files.exists(tools.resolve("mvn")));
    return tools;
  }

  private static Path onPath(String command) {
    for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    return fail(command + " is not on the PATH; install.sh needs it");
  }

  private Finished purista(Path launcher, Path workingDirectory, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return run(workingDirectory, Map.of(), COMMAND, command.toArray(String[]::new));
  }

  private Finished run(Path workingDirectory, Map<String, String> environment, Duration limit, String... command)
      throws IOException, InterruptedException {
    return ExternalProcess.run(dir, workingDirectory, environment, limit, List.of(command));
  }
}
