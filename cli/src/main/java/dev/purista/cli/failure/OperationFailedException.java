package dev.purista.cli.failure;

import dev.purista.cli.ExitCode;

/** An operation failed for a reason outside the user's input, such as a disk error. Exit code 1. */
public final class OperationFailedException extends CliFailure {
  private static final long serialVersionUID = 1L;

  public OperationFailedException(String message, Throwable cause) {
    super(message, null, cause);
  }

  public OperationFailedException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILURE;
  }
}
