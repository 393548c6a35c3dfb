package dev.purista.cli.failure;

import dev.purista.cli.ExitCode;

/** The user's input cannot be used: a bad name, an unknown service, a corrupt model. Exit code 2. */
public class BadInputException extends CliFailure {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    this(message, null);
  }

  public BadInputException(String message, String hint) {
    super(message, hint, null);
  }

  public BadInputException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
