package dev.purista.cli.command;

import dev.purista.cli.engine.LoadedProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code purista list}. */
@Command(name = "list",
    description = "Shows the project's services, commands, subscriptions and events as a tree, or as JSON for tools.",
    footerHeading = "%nExample:%n",
    footer = {"  purista list", "  purista list --json"})
final class ListCmd implements Callable<Integer> {
  private final CliContext context;

  @Mixin
  HelpOption help;

  @Mixin
  ProjectDirectoryOption project;

  @Option(names = "--json", description = "Print JSON instead of a tree.")
  boolean json;

  ListCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedProject loaded = context.engine().open(project.resolve(context));
    if (json) {
      context.environment().out().println(ModelJson.render(loaded.model()));
    } else {
      ModelTree.print(loaded.model(), context.environment().out());
    }
    return 0;
  }
}
