package dev.purista.cli.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares the files a change wants to write with what is on disk and decides, per file, create, update,
 * identical or conflict. The rules:
 * <ul>
 *   <li>a regenerated file may be replaced when its content still has the hash recorded when purista last wrote
 *       it; otherwise the user changed it (or put a file of their own there), which is a conflict;</li>
 *   <li>a user-owned file is only ever created; an existing different one is a conflict;</li>
 *   <li>{@code --force} turns every conflict into an update.</li>
 * </ul>
 */
public final class Planner {
  private final Output output;
  private final Map<String, String> recordedHashes;
  private final boolean force;

  public Planner(Output output, Map<String, String> recordedHashes, boolean force) {
    this.output = output;
    this.recordedHashes = Map.copyOf(recordedHashes);
    this.force = force;
  }

  /**
   * Plans {@code files} and then the model, whose content depends on the hashes of the files planned; the model
   * file comes last in the plan so it is written last.
   */
  public Plan plan(List<ProposedFile> files, ModelWriter model) throws IOException {
    List<PlanEntry> entries = new ArrayList<>();
    List<ProposedFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(ProposedFile::path));
    for (ProposedFile file : sorted) {
      entries.add(entryFor(file));
    }
    Map<String, String> hashes = new TreeMap<>(recordedHashes);
    for (ProposedFile file : sorted) {
      if (file.ownership() == Ownership.REGENERATED) {
        hashes.put(file.path(), ContentHash.of(file.content()));
      }
    }
    entries.add(entryFor(model.write(hashes)));
    return new Plan(entries);
  }

  private PlanEntry entryFor(ProposedFile file) throws IOException {
    Optional<String> current = output.read(file.path());
    if (current.isEmpty()) {
      return new PlanEntry(file, Action.CREATE, null);
    }
    if (current.get().equals(file.content())) {
      return new PlanEntry(file, Action.IDENTICAL, null);
    }
    String conflict = switch (file.ownership()) {
      case MODEL -> null;
      case REGENERATED -> ContentHash.of(current.get()).equals(recordedHashes.get(file.path()))
          ? null
          : recordedHashes.containsKey(file.path())
              ? "regenerated file changed by hand"
              : "a file purista did not write is in the way";
      case USER_OWNED -> "exists and is yours";
    };
    if (conflict == null) {
      return new PlanEntry(file, Action.UPDATE, null);
    }
    if (force) {
      return new PlanEntry(file, Action.UPDATE, "--force: " + conflict + ", overwritten");
    }
    return new PlanEntry(file, Action.CONFLICT, conflict);
  }

  /** Renders the model file for the hashes of every regenerated file once the plan is applied. */
  @FunctionalInterface
  public interface ModelWriter {
    ProposedFile write(Map<String, String> generatedFileHashes);
  }
}
