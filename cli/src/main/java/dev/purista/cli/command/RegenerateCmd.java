package dev.purista.cli.command;

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
    // Regeneration asks nothing, so it needs no -B: batch mode changes nothing here.
    return ProjectChangeFlow.run(context, project.resolve(context), true, spec, (open, prompter) ->
        new ProjectChangeFlow.Outcome(context.engine().regenerate(open, new WriteMode(dryRun.dryRun(), force.force())),
            "Regenerated the wiring."));
  }
}
