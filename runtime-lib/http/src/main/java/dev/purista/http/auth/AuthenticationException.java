package dev.purista.http.auth;

/**
 * Credentials were presented and are not valid: expired, badly signed, for another audience. The gateway answers
 * 401 with this message, so it must say what is wrong without echoing the credentials.
 */
public class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
