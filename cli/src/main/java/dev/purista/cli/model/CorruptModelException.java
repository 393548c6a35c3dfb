package dev.purista.cli.model;

import dev.purista.cli.failure.BadInputException;

/** {@code purista.json} cannot be read or does not describe a valid project. Nothing is written. */
public final class CorruptModelException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public CorruptModelException(String problem, Throwable cause) {
    super(ProjectModel.FILE_NAME + " is not valid: " + problem,
        "fix it by hand, or restore it from version control (git checkout -- " + ProjectModel.FILE_NAME + ")",
        cause);
  }
}
