package dev.purista.cli.plan;

import java.util.Locale;

/** What applying a plan does to one file; {@code --dry-run} prints these. */
public enum Action {
  CREATE,
  UPDATE,
  IDENTICAL,
  CONFLICT;

  /** The lower-case word printed in plans. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
