package dev.purista.cli.plan;

import java.util.Optional;

/**
 * One file of a plan and what happens to it.
 *
 * @param note why a file conflicts, or that --force replaces changes; {@code null} otherwise
 */
public record PlanEntry(ProposedFile file, Action action, String note) {

  public String path() {
    return file.path();
  }

  public Optional<String> noteText() {
    return Optional.ofNullable(note);
  }

  public boolean writes() {
    return action == Action.CREATE || action == Action.UPDATE;
  }
}
