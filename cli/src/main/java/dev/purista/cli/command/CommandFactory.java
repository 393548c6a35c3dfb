package dev.purista.cli.command;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Creates the command objects with the run's {@link CliContext}, by constructor: no static state, so that
 * several CLI runs (as in the tests) never share anything. Everything else (mixins, converters) is created by
 * picocli as usual.
 */
public final class CommandFactory implements CommandLine.IFactory {
  private static final Map<Class<?>, Function<CliContext, Object>> COMMANDS = Map.ofEntries(
      Map.entry(NewProjectCmd.class, NewProjectCmd::new),
      Map.entry(AddServiceCmd.class, AddServiceCmd::new),
      Map.entry(AddCommandCmd.class, AddCommandCmd::new),
      Map.entry(AddSubscriptionCmd.class, AddSubscriptionCmd::new),
      Map.entry(RegenerateCmd.class, RegenerateCmd::new),
      Map.entry(ListCmd.class, ListCmd::new),
      Map.entry(BuildCmd.class, BuildCmd::new),
      Map.entry(CompletionCmd.class, CompletionCmd::new),
      Map.entry(VersionProvider.class, VersionProvider::new));

  private final CliContext context;

  public CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Function<CliContext, Object> constructor = COMMANDS.get(type);
    if (constructor != null) {
      return type.cast(constructor.apply(context));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
