package dev.purista.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code purista completion}: prints a completion script for every command and option. picocli generates
 * one script that bash runs directly and zsh runs through its bash compatibility layer.
 */
final class CompletionCmd implements Callable<Integer> {
  private final CliContext context;
  private final PositionalParamSpec shell = PositionalParamSpec.builder().index("0").arity("0..1")
      .paramLabel("SHELL").type(Shell.class).defaultValue("bash")
      .description("bash or zsh (default: ${DEFAULT-VALUE}).").build();
  private final CommandSpec spec;

  CompletionCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("completion", this)
        .description(
            "Prints a shell completion script for bash or zsh.",
            "bash: add 'source <(purista completion bash)' to ~/.bashrc.",
            "zsh: add 'source <(purista completion zsh)' to ~/.zshrc.")
        .examples("  source <(purista completion bash)")
        .helpOption()
        .parameter(shell)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    if (shell.getValue() == Shell.zsh) {
      // The script switches zsh to bash compatibility itself; say so, since zsh users look for compdef.
      context.environment().out().println("# zsh: completion through bashcompinit, set up by the script below");
    }
    context.environment().out().print(script);
    return 0;
  }

  /** Shells with completion support; lower case because users type them. */
  enum Shell {
    bash,
    zsh
  }
}
