package dev.purista.cli.naming;

import dev.purista.cli.failure.BadInputException;

/** A name typed by the user that cannot become a Java package, class, constant or Maven coordinate. */
public final class InvalidNameException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public InvalidNameException(String message, String hint) {
    super(message, hint);
  }
}
