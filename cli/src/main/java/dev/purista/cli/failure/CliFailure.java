package dev.purista.cli.failure;

import dev.purista.cli.ExitCode;
import java.util.Optional;

/**
 * A failure the user can act on. It carries a short message for people, an optional hint saying what to do
 * next, and the exit code. The error printer shows the message and the hint; the stack trace only on request,
 * because it is about our code, not about the user's problem.
 */
public abstract class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  protected CliFailure(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public abstract ExitCode exitCode();

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
