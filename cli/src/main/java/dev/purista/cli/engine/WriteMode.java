package dev.purista.cli.engine;

/**
 * How a change is applied.
 *
 * @param dryRun plan only: report what would be written and write nothing
 * @param force overwrite conflicting files (hand-edited regenerated files, existing user-owned files)
 */
public record WriteMode(boolean dryRun, boolean force) {
  public static final WriteMode WRITE = new WriteMode(false, false);
}
