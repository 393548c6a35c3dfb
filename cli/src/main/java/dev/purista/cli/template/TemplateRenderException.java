package dev.purista.cli.template;

import dev.purista.cli.ExitCode;
import dev.purista.cli.failure.CliFailure;

/** A template could not be rendered: it is missing, malformed, or uses a variable nobody provides. Exit 1. */
public final class TemplateRenderException extends CliFailure {
  private static final long serialVersionUID = 1L;

  public TemplateRenderException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILURE;
  }
}
