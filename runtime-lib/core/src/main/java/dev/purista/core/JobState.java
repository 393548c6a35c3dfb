package dev.purista.core;

/** Where a job is, with PURISTA's names on the wire ({@code pending}, {@code inFlight}, ...). */
public enum JobState {
  /** Waiting to be leased (possibly for its start time). */
  PENDING("pending"),
  /** Leased by a worker. */
  IN_FLIGHT("inFlight"),
  /** Done. */
  COMPLETED("completed"),
  /** An attempt failed; waiting to be retried. */
  FAILED("failed"),
  /** Given up on; among the dead letters. */
  DEAD_LETTER("deadLetter");

  private final String wireName;

  JobState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
