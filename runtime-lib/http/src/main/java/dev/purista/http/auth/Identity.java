package dev.purista.http.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as an {@link Authenticator} found out. The principal and tenant ids are copied into the
 * command message, where handlers read them from the context.
 *
 * @param principalId the caller, such as a JWT's {@code sub}
 * @param tenantId the caller's tenant; may be {@code null}
 * @param scopes what the caller was granted, such as a JWT's {@code scope}
 * @param roles the caller's roles
 */
public record Identity(String principalId, String tenantId, Set<String> scopes, Set<String> roles) {
  public Identity {
    Objects.requireNonNull(principalId, "principalId == null");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes == null"));
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles == null"));
  }

  public static Identity of(String principalId) {
    return new Identity(principalId, null, Set.of(), Set.of());
  }
}
