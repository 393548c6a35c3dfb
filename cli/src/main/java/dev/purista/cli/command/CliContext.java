package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ProjectEngine;
import dev.purista.cli.generate.VersionCatalog;

/**
 * What every command of one CLI run shares: the environment and the engine. The engine is created on first
 * use, so that {@code --help} and {@code completion} do not pay for what they do not use.
 */
public final class CliContext {
  private final CliEnvironment environment;
  private ProjectEngine engine;
  private VersionCatalog versions;

  public CliContext(CliEnvironment environment) {
    this.environment = environment;
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
