package dev.purista.core.spi.support;

import java.util.Objects;

/**
 * A user name and password for a broker, the one shape every bridge takes them in. The password is readable,
 * because the bridge must hand it to its client, but {@link #toString()} never shows it, so that a config that
 * is logged does not leak it.
 */
public final class Credentials {
  private final String username;
  private final String password;

  private Credentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  /** @throws IllegalArgumentException when the user name is blank or the password is missing */
  public static Credentials of(String username, String password) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("the user name of credentials must not be blank");
    }
    if (password == null) {
      throw new IllegalArgumentException("credentials of user " + username + " need a password");
    }
    return new Credentials(username, password);
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Credentials that && username.equals(that.username) && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password);
  }

  @Override
  public String toString() {
    return username + ":***";
  }
}
