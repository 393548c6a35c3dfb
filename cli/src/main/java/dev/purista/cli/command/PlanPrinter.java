package dev.purista.cli.command;

import dev.purista.cli.ExitCode;
import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.plan.PlanEntry;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a plan, one file per line with its action, the same way for real runs and dry runs, and decides the
 * exit code of a dry run: 3 when the real run would stop on a conflict.
 */
final class PlanPrinter {
  private PlanPrinter() {
  }

  static void print(Plan plan, PrintWriter out) {
    for (PlanEntry entry : plan.entries()) {
      out.print(String.format(Locale.ROOT, "%-9s  %s", entry.action().label(), entry.path()));
      entry.noteText().ifPresent(note -> out.print("  (" + note + ")"));
      out.println();
    }
  }

  /** Prints the plan and its outcome, and returns the exit code for it. */
  static int report(ChangeResult result, PrintWriter out, PrintWriter err, String doneMessage) {
    print(result.plan(), out);
    for (String note : result.notes()) {
      out.println("note: " + note);
    }
    if (result.written()) {
      out.println(doneMessage);
      return ExitCode.OK.code();
    }
    out.println("Dry run: nothing was written.");
    int conflicts = result.plan().conflicts().size();
    if (conflicts == 0) {
      return ExitCode.OK.code();
    }
    err.println("error: " + (conflicts == 1 ? "1 file conflicts" : conflicts + " files conflict")
        + ", so the real run would stop; pass --force to overwrite");
    return ExitCode.CONFLICT.code();
  }
}
