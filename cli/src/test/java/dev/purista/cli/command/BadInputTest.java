package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.TestProjects;
import dev.purista.cli.naming.NameRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a clear message, exit code 2, a pointer to the command's help, and leaves the
 * project exactly as it was.
 */
class BadInputTest {
  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProject() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("a Java keyword", new String[] {"add", "service", "class"}, "is the Java keyword 'class'"),
        Arguments.of("an empty name", new String[] {"add", "service", ""}, "service name must not be empty"),
        Arguments.of("a relative path", new String[] {"add", "service", "../x"}, "looks like a path"),
        Arguments.of("a slash", new String[] {"add", "command", "a/b", "--service", "user"}, "looks like a path"),
        Arguments.of("a space", new String[] {"add", "command", "sign up", "--service", "user"},
            "must not contain spaces"),
        Arguments.of("odd unicode", new String[] {"add", "service", "us\u00e9r"}, "(U+00E9)"),
        Arguments.of("a zero-width space", new String[] {"add", "service", "us\u200ber"}, "(U+200B)"),
        Arguments.of("an existing service", new String[] {"add", "service", "user"}, "already exists"),
        Arguments.of("an unknown service", new String[] {"add", "command", "signUp", "--service", "nope"},
            "unknown service 'nope'"),
        Arguments.of("an unknown service version",
            new String[] {"add", "command", "signUp", "--service", "user", "--service-version", "3"},
            "service user has no version 3"),
        Arguments.of("a bad event", new String[] {"add", "command", "signUp", "--service", "user", "--emits", "a..b"},
            "event name 'a..b'"),
        Arguments.of("a bad route", new String[] {"add", "command", "signUp", "--service", "user", "--http", "users"},
            "--http 'users' must be METHOD:PATH"),
        Arguments.of("a bad version", new String[] {"add", "service", "order", "--version", "1.5"},
            "service version '1.5' must be a positive whole number"),
        Arguments.of("a keyword project", new String[] {"new", "project", "new", "--no-git"},
            "is the Java keyword 'new'"),
        Arguments.of("a path project", new String[] {"new", "project", "../escape", "--no-git"}, "looks like a path"),
        Arguments.of("a bad package", new String[] {"new", "project", "other", "--package", "com.Example", "--no-git"},
            "package 'com.Example'"),
        Arguments.of("a 300-character service", new String[] {"add", "service", "s".repeat(300)},
            "is 300 characters long; the limit is 32"),
        Arguments.of("a 300-character command",
            new String[] {"add", "command", "c".repeat(300), "--service", "user"},
            "is 300 characters long; the limit is 32"),
        Arguments.of("a 33-character subscription",
            new String[] {"add", "subscription", "s".repeat(33), "--service", "user", "--event", "a.b"},
            "is 33 characters long; the limit is 32"),
        Arguments.of("a 300-character project", new String[] {"new", "project", "p".repeat(300), "--no-git"},
            "is 300 characters long; the limit is 40"),
        Arguments.of("a 300-character event",
            new String[] {"add", "command", "signUp", "--service", "user", "--emits", "e".repeat(300)},
            "is 300 characters long; the limit is 100"),
        Arguments.of("the Windows device con", new String[] {"add", "service", "con"},
            "which Windows reserves for the device CON"),
        Arguments.of("the Windows device nUl in mixed case",
            new String[] {"add", "command", "nUl", "--service", "user"}, "reserves for the device NUL"),
        Arguments.of("the Windows device com7",
            new String[] {"add", "subscription", "com7", "--service", "user", "--event", "a.b"},
            "reserves for the device COM7"),
        Arguments.of("a 33-character queue", new String[] {"add", "queue", "q".repeat(33), "--service", "user"},
            "the limit is 32"),
        Arguments.of("the Windows device nul as a queue worker",
            new String[] {"add", "queue-worker", "nul", "--service", "user", "--queue", "mails"},
            "reserves for the device NUL"),
        Arguments.of("a queue worker on an unknown queue",
            new String[] {"add", "queue-worker", "send", "--service", "user", "--queue", "mails"},
            "unknown queue 'mails'; the project has no queues yet"),
        Arguments.of("the Windows device lpt1 as a project", new String[] {"new", "project", "lpt1", "--no-git"},
            "reserves for the device LPT1"),
        Arguments.of("the Windows device aux as a package segment",
            new String[] {"new", "project", "other", "--package", "com.aux.shop", "--no-git"},
            "reserves for the device AUX"),
        Arguments.of("the Windows device prn with an extension in a group id",
            new String[] {"new", "project", "other", "--group-id", "org.prn.txt", "--no-git"},
            "reserves for the device PRN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNames")
  void isRejectedWithExitCodeTwoAndNothingWritten(String what, String[] args, String message) {
    ProjectTree before = ProjectTree.of(dir);
    CliResult result = CliRun.run(project, args);
    assertEquals(ExitCode.USAGE.code(), result.exitCode(), what + "\n" + result);
    assertTrue(result.err().startsWith("error: "), result.err());
    assertTrue(result.err().contains(message), what + ": " + result.err());
    assertTrue(result.err().contains("see 'purista " + args[0] + " " + args[1] + " --help'"), result.err());
    assertEquals(before, ProjectTree.of(dir), what + " wrote something");
  }

  @Test
  void namesWithinTheirLimitsThatMakeAPathOverTheBudgetAreBadInput() {
    TestProjects.expectSuccess(dir, "new", "project", "deep", "--package", "com.example." + "p".repeat(40),
        "--no-git", "-B");
    Path deep = dir.resolve("deep");
    String service = "s".repeat(NameRules.MAX_NAME);
    TestProjects.expectSuccess(deep, "add", "service", service, "-B");
    ProjectTree before = ProjectTree.of(dir);

    CliResult result = CliRun.run(deep, "add", "subscription", "w".repeat(NameRules.MAX_NAME), "--service", service,
        "--event", "a.b", "-B");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("characters within the project; purista keeps them at 190 or fewer"),
        result.err());
    assertTrue(result.err().contains("hint: choose shorter names, or a shorter base package"), result.err());
    assertEquals(before, ProjectTree.of(dir));
  }

  @Test
  void aQueueWorkerWhosePathsWouldBeOverTheBudgetIsBadInput() {
    TestProjects.expectSuccess(dir, "new", "project", "deep", "--package", "com.example." + "p".repeat(40),
        "--no-git", "-B");
    Path deep = dir.resolve("deep");
    String service = "s".repeat(NameRules.MAX_NAME);
    TestProjects.expectSuccess(deep, "add", "service", service, "-B");
    TestProjects.expectSuccess(deep, "add", "queue", "mails", "--service", service, "-B");
    ProjectTree before = ProjectTree.of(dir);

    CliResult result = CliRun.run(deep, "add", "queue-worker", "w".repeat(NameRules.MAX_NAME), "--service", service,
        "--queue", "mails", "-B");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("Worker.java would have a path of"), result.err());
    assertEquals(before, ProjectTree.of(dir));
  }

  @Test
  void aCorruptModelIsBadInputAndNamesTheProblem() throws IOException {
    Files.writeString(project.resolve("purista.json"), "{ \"generatorVersion\": \"1\", ");
    ProjectTree before = ProjectTree.of(dir);
    CliResult result = CliRun.run(project, "add", "service", "email", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().startsWith("error: purista.json is not valid: "), result.err());
    assertTrue(result.err().contains("hint: fix it by hand, or restore it from version control"), result.err());
    assertEquals(before, ProjectTree.of(dir));
  }

  @Test
  void aCommandOutsideAProjectIsBadInput() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    for (String[] args : new String[][] {{"add", "service", "user"}, {"list"}, {"regenerate"}, {"build"}}) {
      CliResult result = CliRun.run(elsewhere, args);
      assertEquals(ExitCode.USAGE.code(), result.exitCode(), String.join(" ", args));
      assertTrue(result.err().startsWith("error: not inside a purista project: no purista.json in " + elsewhere),
          result.err());
    }
  }
}
