package dev.purista.cli.failure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words: the JDK's file exceptions often carry only the path as their
 * message, which tells a user where but not what.
 */
public final class IoFailureMessage {
  private IoFailureMessage() {
  }

  public static String describe(IOException e) {
    if (!(e instanceof FileSystemException failure) || failure.getFile() == null) {
      return e.getMessage();
    }
    String what;
    if (e instanceof FileAlreadyExistsException) {
      what = "something is already there";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      what = "does not exist";
    } else if (e instanceof NotDirectoryException) {
      what = "is not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory is not empty";
    } else {
      what = failure.getReason() != null ? failure.getReason() : e.getClass().getSimpleName();
    }
    return failure.getFile() + ": " + what;
  }
}
