package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandTreeTest {
  private static final List<String> TOP_LEVEL = List.of("new", "add", "gen", "regenerate", "upgrade", "list", "build", "completion",
      "help");

  @TempDir
  Path dir;

  private final CliContext context = new CliContext(new CliEnvironment(Path.of("."),
      new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null, false));

  @Test
  void aLeafCommandBuildsOnlyItsPath() {
    CommandLine root = CommandTree.forArguments(context, "add", "command", "signUp", "--service", "user");
    assertEquals(List.of("add"), names(root));
    assertEquals(List.of("command"), names(root.getSubcommands().get("add")));
  }

  @Test
  void theStacktraceFlagBeforeTheCommandDoesNotWidenTheTree() {
    CommandLine root = CommandTree.forArguments(context, "-x", "add", "--stacktrace", "service", "user");
    assertEquals(List.of("add"), names(root));
    assertEquals(List.of("service"), names(root.getSubcommands().get("add")));
  }

  @Test
  void aGroupWithoutItsSubcommandGetsAllOfThemForItsHelpAndErrors() {
    CommandLine root = CommandTree.forArguments(context, "add", "--help");
    assertEquals(List.of("service", "command", "subscription"), names(root.getSubcommands().get("add")));
  }

  @Test
  void whatMayNeedOtherCommandsGetsTheWholeTree() {
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"lst"},
        new String[] {"help", "add"}, new String[] {"completion", "bash"})) {
      CommandLine root = CommandTree.forArguments(context, args);
      assertEquals(TOP_LEVEL, names(root), String.join(" ", args));
      assertEquals(List.of("service", "command", "subscription"), names(root.getSubcommands().get("add")));
    }
  }

  @Test
  void everyPathOfTheWholeTreeIsBuiltAloneWithTheSameNames() {
    List<List<String>> paths = new ArrayList<>();
    collect(CommandTree.whole(context), List.of(), paths);
    assertTrue(paths.size() >= 10, paths.toString());
    for (List<String> path : paths) {
      CommandLine command = CommandTree.forArguments(context, path.toArray(String[]::new));
      for (String name : path) {
        command = command.getSubcommands().get(name);
        assertTrue(command != null, "'" + name + "' of " + path + " is built");
      }
    }
  }

  @Test
  void theStacktraceOptionIsInheritedByNestedCommandsOfAPrunedTree() {
    CliResult plain = CliRun.run(dir, "add", "command", "signUp", "--service", "user");
    assertEquals(ExitCode.USAGE.code(), plain.exitCode());
    assertTrue(!plain.err().contains("\tat "), plain.err());
    CliResult traced = CliRun.run(dir, "add", "command", "signUp", "--service", "user", "-x");
    assertEquals(ExitCode.USAGE.code(), traced.exitCode());
    assertTrue(traced.err().contains("\tat dev.purista.cli."), traced.err());
  }

  private static List<String> names(CommandLine command) {
    return new ArrayList<>(command.getSubcommands().keySet());
  }

  private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
    for (CommandLine sub : command.getSubcommands().values()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(sub.getCommandName());
      paths.add(path);
      collect(sub, path, paths);
    }
  }
}
