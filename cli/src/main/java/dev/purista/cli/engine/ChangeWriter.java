package dev.purista.cli.engine;

import dev.purista.cli.failure.IoFailureMessage;
import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.generate.PathBudget;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectModelCodec;
import dev.purista.cli.plan.ConflictException;
import dev.purista.cli.plan.InMemoryOutput;
import dev.purista.cli.plan.Output;
import dev.purista.cli.plan.Ownership;
import dev.purista.cli.plan.Plan;
import dev.purista.cli.plan.Planner;
import dev.purista.cli.plan.ProposedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way every command changes a project: take the regenerated files the change affects and its user-owned
 * files, plan them against what is there, stop on conflicts, then write everything with the model last. With
 * {@code --dry-run} the writes go to memory instead.
 */
final class ChangeWriter {
  private final ProjectModelCodec codec;

  ChangeWriter(ProjectModelCodec codec) {
    this.codec = codec;
  }

  /**
   * @param regenerated the regenerated files to rewrite (see {@link dev.purista.cli.generate.RegeneratedFiles})
   * @param current where the project's files are read from
   * @param target where they are written; only used when not a dry run
   * @param recordedHashes the regenerated files' hashes from the model as it was before the change
   */
  Plan write(ProjectModel updated, List<ProposedFile> regenerated, List<ProposedFile> userOwned, Output current,
      Output target, Map<String, String> recordedHashes, WriteMode mode) {
    List<ProposedFile> files = new ArrayList<>(regenerated);
    files.addAll(userOwned);
    checkDistinctPaths(files);
    PathBudget.check(files);
    try {
      Planner planner = new Planner(current, recordedHashes, mode.force());
      Plan plan = planner.plan(files, hashes -> new ProposedFile(ProjectModel.FILE_NAME,
          codec.toJson(updated.withGeneratedFiles(hashes)), Ownership.MODEL));
      if (mode.dryRun()) {
        new InMemoryOutput(current).writeAll(plan.writes());
        return plan;
      }
      if (plan.hasConflicts()) {
        throw new ConflictException(plan.conflicts());
      }
      target.writeAll(plan.writes());
      return plan;
    } catch (IOException e) {
      throw new OperationFailedException("could not write the project: " + IoFailureMessage.describe(e),
          "nothing was changed; fix the cause and run the command again", e);
    }
  }

  /** Two files for one path would be a generator bug; fail before writing either. */
  private static void checkDistinctPaths(List<ProposedFile> files) {
    Set<String> paths = new HashSet<>();
    for (ProposedFile file : files) {
      if (!paths.add(file.path())) {
        throw new IllegalStateException("two generated files share the path " + file.path());
      }
    }
  }
}
