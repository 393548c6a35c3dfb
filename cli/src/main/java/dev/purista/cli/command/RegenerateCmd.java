package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.WriteMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code purista regenerate}. */
@Command(name = "regenerate",
    description = {
        "Rewrites every regenerated file (event constants, service wiring, clients, bootstraps) from "
            + "purista.json. User-owned files are never touched. A regenerated file you changed is a conflict "
            + "(exit 3) unless you pass --force."},
    footerHeading = "%nExample:%n",
    footer = {"  purista regenerate --dry-run", "  purista regenerate --force"})
final class RegenerateCmd implements Callable<Integer> {
  private final CliContext context;

  @Mixin
  HelpOption help;

  @Mixin
  ProjectDirectoryOption project;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  ForceOption force;

  RegenerateCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    ChangeResult result = context.engine().regenerate(project.resolve(context),
        new WriteMode(dryRun.dryRun, force.force));
    return PlanPrinter.report(result, environment.out(), environment.err(), "Regenerated the wiring.");
  }
}
