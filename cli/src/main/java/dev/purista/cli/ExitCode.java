package dev.purista.cli;

/**
 * The one exit-code table of the {@code purista} command. Scripts and the install script rely on these numbers,
 * so they never change meaning.
 */
public enum ExitCode {
  /** Done. */
  OK(0),
  /** Something failed that is not the user's input: I/O, a failing Maven build, a bug. */
  FAILURE(1),
  /** Bad usage or bad input: an unknown option, an invalid name, a corrupt purista.json. Nothing was written. */
  USAGE(2),
  /** A regenerated file was changed by hand, or a user-owned file is in the way. Nothing was written. */
  CONFLICT(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
