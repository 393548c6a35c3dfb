package dev.purista.cli.plan;

import java.io.IOException;

/**
 * A file read at the start of a change was written by someone else before the change could replace it. Thrown
 * before the file is replaced, so the change rolls back and loses nobody's work.
 */
public final class ChangedMeanwhileException extends IOException {
  private static final long serialVersionUID = 1L;

  public ChangedMeanwhileException(String path) {
    super(path + " changed after this command read it: another program wrote it meanwhile");
  }
}
