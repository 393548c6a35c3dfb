package dev.purista.cli.command;

import dev.purista.cli.engine.LoadedProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code purista list}. */
final class ListCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectDirectoryOption project = new ProjectDirectoryOption();
  private final OptionSpec json = CommandSpecBuilder.flag("Print JSON instead of a tree.", "--json");
  private final CommandSpec spec;

  ListCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("list", this)
        .description("Shows the project's services, commands, subscriptions, queues, queue workers and events as "
            + "a tree, or as JSON for tools.")
        .examples("  purista list", "  purista list --json")
        .helpOption()
        .option(project.option())
        .option(json)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    LoadedProject loaded = context.engine().open(project.resolve(context));
    if (CommandSpecBuilder.isSet(json)) {
      context.environment().out().println(ModelJson.render(loaded.model()));
    } else {
      ModelTree.print(loaded.model(), context.environment().out());
    }
    return 0;
  }
}
