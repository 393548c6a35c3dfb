package dev.purista.core;

import java.util.Set;

/**
 * Who may call a command over HTTP. A command is protected unless it is declared {@link #PUBLIC}: a caller must
 * be authenticated, and must hold every scope and every role listed here (a missing one answers 403).
 *
 * <pre>{@code
 * .http(HttpMethod.GET, "ping", HttpAccess.PUBLIC)
 * .http(HttpMethod.POST, "orders", HttpAccess.scopes("orders:write"))
 * .http(HttpMethod.DELETE, "users/{id}", HttpAccess.roles("admin"))
 * }</pre>
 *
 * @param isPublic callable without authentication
 * @param scopes scopes the caller must hold, all of them
 * @param roles roles the caller must hold, all of them
 */
public record HttpAccess(boolean isPublic, Set<String> scopes, Set<String> roles) {
  /** Anyone, with or without credentials. */
  public static final HttpAccess PUBLIC = new HttpAccess(true, Set.of(), Set.of());
  /** Any authenticated caller: the default. */
  public static final HttpAccess AUTHENTICATED = new HttpAccess(false, Set.of(), Set.of());

  public HttpAccess {
    scopes = Set.copyOf(Checks.checkNotNull(scopes, "scopes"));
    roles = Set.copyOf(Checks.checkNotNull(roles, "roles"));
    if (isPublic && !(scopes.isEmpty() && roles.isEmpty())) {
      throw new IllegalArgumentException("a public command cannot require scopes or roles");
    }
  }

  /** An authenticated caller holding every one of {@code scopes}. */
  public static HttpAccess scopes(String... scopes) {
    return new HttpAccess(false, Set.of(scopes), Set.of());
  }

  /** An authenticated caller holding every one of {@code roles}. */
  public static HttpAccess roles(String... roles) {
    return new HttpAccess(false, Set.of(), Set.of(roles));
  }
}
