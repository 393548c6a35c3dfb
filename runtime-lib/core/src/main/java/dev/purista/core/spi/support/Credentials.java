package dev.purista.core.spi.support;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user name and password for a broker, the one shape every bridge takes them in. The password is readable,
 * because the bridge must hand it to its client, but {@link #toString()} never shows it, so that a config that
 * is logged does not leak it; {@link #redact} does the same for a URL that carries one.
 */
public final class Credentials {
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/?#@:]*:)[^/?#]*@");

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

  /**
   * {@code url} as it may be shown in a message or a log: the password of {@code scheme://user:password@host}
   * replaced by {@code ***}. Up to the last {@code @} of the authority, because a password may contain an
   * unescaped {@code @} too.
   */
  public static String redact(String url) {
    return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1***@");
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
