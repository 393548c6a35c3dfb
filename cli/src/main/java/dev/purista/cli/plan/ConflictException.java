package dev.purista.cli.plan;

import dev.purista.cli.ExitCode;
import dev.purista.cli.failure.CliFailure;
import java.util.List;

/** A plan that would overwrite the user's work. Nothing was written. Exit code 3. */
public final class ConflictException extends CliFailure {
  private static final long serialVersionUID = 1L;

  private final transient List<PlanEntry> conflicts;

  public ConflictException(List<PlanEntry> conflicts) {
    super(describe(conflicts), hintFor(conflicts), null);
    this.conflicts = List.copyOf(conflicts);
  }

  public List<PlanEntry> conflicts() {
    return conflicts;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.CONFLICT;
  }

  private static String describe(List<PlanEntry> conflicts) {
    StringBuilder message = new StringBuilder();
    message.append(conflicts.size() == 1 ? "1 file conflicts" : conflicts.size() + " files conflict")
        .append("; nothing was written:");
    for (PlanEntry entry : conflicts) {
      message.append("\n  ").append(entry.path());
      entry.noteText().ifPresent(note -> message.append(" (").append(note).append(')'));
    }
    return message.toString();
  }

  private static String hintFor(List<PlanEntry> conflicts) {
    boolean regeneratedJava = false;
    boolean regeneratedOther = false;
    boolean userOwned = false;
    for (PlanEntry entry : conflicts) {
      boolean regenerated = entry.file().ownership() == Ownership.REGENERATED;
      regeneratedJava |= regenerated && entry.path().endsWith(".java");
      regeneratedOther |= regenerated && !entry.path().endsWith(".java");
      userOwned |= !regenerated;
    }
    StringBuilder hint = new StringBuilder();
    if (regeneratedJava) {
      // Java sources are written by code, not from templates: an override cannot carry the change.
      hint.append("regenerated Java files are rewritten from purista.json on every change; move your change into a "
          + "user-owned file (a handler, its records or its test), then run the command again; ");
    }
    if (regeneratedOther) {
      hint.append("to change how a generated non-Java file looks, put your version of its template in "
          + ".purista/templates/ instead of editing the file, then run the command again; ");
    }
    if (userOwned) {
      hint.append("move the file away, then run the command again; ");
    }
    return hint + "or pass --force to overwrite " + (conflicts.size() == 1 ? "it" : "them");
  }
}
