package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.generate.VersionCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PuristaCliTest {
  @TempDir
  Path dir;

  @Test
  void printsItsVersionWhichIsTheRuntimeVersionItGeneratesFor() {
    CliResult result = CliRun.run(dir, "--version");
    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("purista " + VersionCatalog.bundled().purista() + "\n"), result.out());
    assertFalse(VersionCatalog.bundled().purista().contains("${"), "the version was filtered in at build time");
  }

  @Test
  void everyCommandHasHelpWithAnExample() {
    List<String> paths = new ArrayList<>();
    collect(PuristaCli.commandLine(testEnvironment()), List.of(), paths);
    assertTrue(paths.size() >= 10, "all commands were found: " + paths);
    for (String path : paths) {
      List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
      args.add("--help");
      CliResult result = CliRun.run(dir, args.toArray(String[]::new));
      assertEquals(0, result.exitCode(), path + "\n" + result);
      assertTrue(result.out().startsWith("Usage: purista"), path + "\n" + result.out());
      assertTrue(result.out().contains("Example:\n  purista ") || result.out().contains("Example:\n  source <(purista"),
          "'purista " + path + " --help' shows an example\n" + result.out());
    }
  }

  private static void collect(CommandLine command, List<String> prefix, List<String> paths) {
    if (command.getCommandName().equals("help")) {
      return;
    }
    paths.add(String.join(" ", prefix));
    for (CommandLine sub : command.getSubcommands().values()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(sub.getCommandName());
      collect(sub, path, paths);
    }
  }

  private static CliEnvironment testEnvironment() {
    return new CliEnvironment(Path.of("."), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        null, false);
  }

  @Test
  void withoutASubcommandItIsAUsageError() {
    CliResult result = CliRun.run(dir);
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().startsWith("error: Missing required subcommand"), result.err());
    assertTrue(result.err().contains("see 'purista --help'"), result.err());
  }

  @Test
  void anUnknownCommandGetsASuggestion() {
    CliResult result = CliRun.run(dir, "lst");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().contains("Unmatched argument at index 0: 'lst'"), result.err());
    assertTrue(result.err().contains("list"), result.err());
  }

  @Test
  void anUnknownOptionPointsToTheCommandsHelp() {
    CliResult result = CliRun.run(dir, "add", "service", "user", "--colour", "red");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().contains("Unknown options: '--colour', 'red'"), result.err());
    assertTrue(result.err().contains("see 'purista add service --help'"), result.err());
  }

  @Test
  void showsAStackTraceOnlyWhenAskedTo() {
    CliResult plain = CliRun.run(dir, "list");
    assertEquals(ExitCode.USAGE.code(), plain.exitCode());
    assertEquals(3, plain.err().lines().count(), "error, hint and see-help lines only:\n" + plain.err());

    CliResult traced = CliRun.run(dir, "list", "--stacktrace");
    assertEquals(ExitCode.USAGE.code(), traced.exitCode());
    assertTrue(traced.err().contains("\tat dev.purista.cli."), traced.err());

    CliResult tracedFromTheRoot = CliRun.run(dir, "-x", "list");
    assertTrue(tracedFromTheRoot.err().contains("\tat dev.purista.cli."), tracedFromTheRoot.err());
  }
}
