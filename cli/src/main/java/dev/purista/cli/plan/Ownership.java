package dev.purista.cli.plan;

/** Who owns a file the CLI writes, which decides whether the CLI may replace it later. */
public enum Ownership {
  /**
   * Wiring the CLI rewrites from the model on every change (service definitions, clients, event constants,
   * bootstraps). The user must not edit it; an edit is detected by its hash and reported as a conflict.
   */
  REGENERATED,
  /** Written once (handlers, records, tests, pom, README); afterwards the user's, never overwritten without --force. */
  USER_OWNED,
  /** {@code purista.json} itself, which every change rewrites. */
  MODEL
}
