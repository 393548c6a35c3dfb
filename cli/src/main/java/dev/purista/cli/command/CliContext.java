package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ProjectEngine;
import dev.purista.cli.generate.VersionCatalog;
import java.util.List;

/**
 * What every command of one CLI run shares: the environment and the engine. The engine is created on first
 * use, so that {@code --help} and {@code completion} do not pay for what they do not use.
 */
public final class CliContext {
  private final CliEnvironment environment;
  private final List<String> arguments;
  private ProjectEngine engine;
  private VersionCatalog versions;

  public CliContext(CliEnvironment environment) {
    this(environment, List.of());
  }

  /** @param arguments the command line of this run, for telling a command that waits for it which one it is */
  public CliContext(CliEnvironment environment, List<String> arguments) {
    this.environment = environment;
    this.arguments = List.copyOf(arguments);
  }

  /** This run as the user typed it, such as {@code purista add command signUp --service user}. */
  public String commandLine() {
    return arguments.isEmpty() ? "purista" : "purista " + String.join(" ", arguments);
  }

  public CliEnvironment environment() {
    return environment;
  }

  public VersionCatalog versions() {
    if (versions == null) {
      versions = VersionCatalog.bundled();
    }
    return versions;
  }

  public ProjectEngine engine() {
    if (engine == null) {
      engine = new ProjectEngine(versions());
    }
    return engine;
  }
}
