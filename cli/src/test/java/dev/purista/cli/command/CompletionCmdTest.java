package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCmdTest {
  @TempDir
  Path dir;

  @Test
  void printsABashScriptCoveringEveryCommandAndOption() {
    CliResult result = TestProjects.expectSuccess(dir, "completion");
    assertTrue(result.out().contains("complete -F _complete_purista"), result.out());
    for (String word : new String[] {"new", "project", "add", "service", "command", "subscription", "regenerate",
        "list", "build", "--http", "--emits", "--dry-run", "--force", "--batch-mode"}) {
      assertTrue(result.out().contains(word), word);
    }
    assertEquals(result.out(), TestProjects.expectSuccess(dir, "completion", "bash").out());
  }

  @Test
  void printsTheSameScriptForZshWhichLoadsBashCompatibility() {
    CliResult result = TestProjects.expectSuccess(dir, "completion", "zsh");
    assertTrue(result.out().startsWith("# zsh: completion through bashcompinit"), result.out());
    assertTrue(result.out().contains("bashcompinit"), result.out());
  }

  @Test
  void anUnknownShellIsAUsageError() {
    CliResult result = CliRun.run(dir, "completion", "fish");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().contains("expected one of [bash, zsh]"), result.err());
  }
}
