package dev.purista.cli.engine;

import dev.purista.cli.ExitCode;
import dev.purista.cli.failure.CliFailure;
import java.time.Duration;

/**
 * Another purista command kept the project locked for the whole wait. Nothing was read or written. Exit code 1:
 * nothing is wrong with the input, and the same command succeeds once the other one has finished.
 */
public final class ProjectBusyException extends CliFailure {
  private static final long serialVersionUID = 1L;

  ProjectBusyException(String holder, Duration waited) {
    super("another purista command is working on this project"
            + (holder == null ? "" : " (" + holder + ")") + "; waited " + waited.toSeconds() + " s for it to finish",
        "nothing was changed; run the command again once the other one has finished (if it waits at a prompt, "
            + "answer it)", null);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILURE;
  }
}
