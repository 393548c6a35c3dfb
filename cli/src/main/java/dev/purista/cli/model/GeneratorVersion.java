package dev.purista.cli.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the CLI versions recorded in {@code purista.json}: {@code major.minor.patch}, then an optional
 * qualifier such as {@code -SNAPSHOT}, which comes before the release it leads to (as in Maven).
 */
public final class GeneratorVersion {
  private static final Pattern VERSION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(-.+)?");

  private GeneratorVersion() {
  }

  /**
   * Whether a project written by {@code recorded} is newer than this CLI, {@code running}. A version this CLI
   * cannot read counts as newer: a later CLI may number its versions differently, an older one did not.
   */
  public static boolean isNewer(String recorded, String running) {
    Matcher theirs = VERSION.matcher(recorded);
    Matcher ours = VERSION.matcher(running);
    if (!ours.matches()) {
      throw new IllegalStateException("this CLI's own version is not major.minor.patch: " + running);
    }
    if (!theirs.matches()) {
      return true;
    }
    for (int group = 1; group <= 3; group++) {
      int difference = Integer.compare(number(theirs, group), number(ours, group));
      if (difference != 0) {
        return difference > 0;
      }
    }
    // Two pre-releases of one version (-SNAPSHOT, -rc1) have no order worth refusing a project over.
    return theirs.group(4) == null && ours.group(4) != null;
  }

  private static int number(Matcher version, int group) {
    return version.group(group) == null ? 0 : Integer.parseInt(version.group(group));
  }
}
