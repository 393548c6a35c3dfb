package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.cli.CliRun.CliResult;
import java.nio.file.Path;

/** Builds the projects the command tests start from, through the CLI itself. */
public final class TestProjects {
  private TestProjects() {
  }

  /** {@code purista new project NAME --no-git -B} in {@code parent}; returns the project directory. */
  public static Path newProject(Path parent, String name) {
    expectSuccess(parent, "new", "project", name, "--group-id", "com.example", "--no-git", "-B");
    return parent.resolve(name);
  }

  /** Runs the CLI and fails the test unless it exits 0. */
  public static CliResult expectSuccess(Path workingDirectory, String... args) {
    CliResult result = CliRun.run(workingDirectory, args);
    assertEquals(0, result.exitCode(), () -> "purista " + String.join(" ", args) + "\n" + result);
    return result;
  }
}
