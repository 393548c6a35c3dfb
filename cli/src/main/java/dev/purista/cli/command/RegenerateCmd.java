package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.WriteMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code purista regenerate}. */
final class RegenerateCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectDirectoryOption project = new ProjectDirectoryOption();
  private final DryRunOption dryRun = new DryRunOption();
  private final ForceOption force = new ForceOption();
  private final CommandSpec spec;

  RegenerateCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("regenerate", this)
        .description(
            "Rewrites every regenerated file (event constants, service wiring, clients, bootstraps) from "
                + "purista.json. User-owned files are never touched. A regenerated file you changed is a conflict "
                + "(exit 3) unless you pass --force.")
        .examples("  purista regenerate --dry-run", "  purista regenerate --force")
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
    CliEnvironment environment = context.environment();
    ChangeResult result = context.engine().regenerate(project.resolve(context),
        new WriteMode(dryRun.dryRun(), force.force()));
    return PlanPrinter.report(result, environment.out(), environment.err(), "Regenerated the wiring.");
  }
}
