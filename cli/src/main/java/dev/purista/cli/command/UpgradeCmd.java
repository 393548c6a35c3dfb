package dev.purista.cli.command;

import dev.purista.cli.engine.OpenProject;
import dev.purista.cli.engine.WriteMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code purista upgrade}. */
final class UpgradeCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectDirectoryOption project = new ProjectDirectoryOption();
  private final DryRunOption dryRun = new DryRunOption();
  private final ForceOption force = new ForceOption();
  private final CommandSpec spec;

  UpgradeCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("upgrade", this)
        .description(
            "Moves a project of the earlier single-module layout (src/ at the root) into the current one: src/ "
                + "becomes services/src/, the old pom.xml is kept as pom.xml.before-upgrade, and the new root pom, "
                + "services/pom.xml and one module per target are written. All or nothing. In a git repository "
                + "the moves are staged, so that git keeps each file's history.")
        .examples("  purista upgrade --dry-run", "  purista upgrade")
        .helpOption()
        .option(project.option())
        .option(dryRun.option())
        .option(force.option())
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    try (OpenProject open = context.engine().openForUpgrade(project.resolve(context), context.commandLine())) {
      return PlanPrinter.report(context.engine().upgrade(open, new WriteMode(dryRun.dryRun(), force.force())),
          context.environment().out(), context.environment().err(),
          "Upgraded to the services + targets layout. Next: purista build");
    }
  }
}
