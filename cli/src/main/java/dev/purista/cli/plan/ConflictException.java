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
    boolean regenerated = conflicts.stream().anyMatch(e -> e.file().ownership() == Ownership.REGENERATED);
    String move = regenerated
        ? "move your changes out of regenerated files into the user-owned handlers, records or tests (or into a "
            + "template override), then run the command again; "
        : "move the file away, then run the command again; ";
    return move + "or pass --force to overwrite " + (conflicts.size() == 1 ? "it" : "them");
  }
}
