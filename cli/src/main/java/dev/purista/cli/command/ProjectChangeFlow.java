package dev.purista.cli.command;

import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.OpenProject;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one flow of every command that changes a project: find the project, take its lock, read the model, ask
 * for what is missing, resolve it against the model, let the engine plan and write, report the plan. The lock is
 * held from the first read to the last write, so what a prompt offers and what the engine checks is the model
 * that gets written, whatever other purista processes do meanwhile.
 */
final class ProjectChangeFlow {
  private ProjectChangeFlow() {
  }

  /** What a command does inside the flow, with the opened project and a prompter for missing values. */
  @FunctionalInterface
  interface Change {
    Outcome apply(OpenProject project, Prompter prompter);
  }

  /**
   * @param doneMessage what to print after the plan when it was written
   */
  record Outcome(ChangeResult result, String doneMessage) {
  }

  static int run(CliContext context, Path directory, boolean batchMode, CommandSpec spec, Change change) {
    try (OpenProject project = context.engine().openForChange(directory, context.commandLine())) {
      Outcome outcome = change.apply(project, new Prompter(context.environment(), batchMode, spec));
      return PlanPrinter.report(outcome.result(), context.environment().out(), context.environment().err(),
          outcome.doneMessage());
    }
  }
}
