package dev.purista.cli.plan;

import java.util.List;

/**
 * Everything one CLI invocation would write, decided before anything is written. Entries are ordered by path,
 * with {@code purista.json} last, so that the model is only updated once every other file is in place.
 */
public record Plan(List<PlanEntry> entries) {
  public Plan {
    entries = List.copyOf(entries);
  }

  public List<PlanEntry> conflicts() {
    return entries.stream().filter(e -> e.action() == Action.CONFLICT).toList();
  }

  public boolean hasConflicts() {
    return entries.stream().anyMatch(e -> e.action() == Action.CONFLICT);
  }

  /** The files to write: created and updated ones, in plan order. */
  public List<ProposedFile> writes() {
    return entries.stream().filter(PlanEntry::writes).map(PlanEntry::file).toList();
  }
}
