package dev.purista.http.auth;

import dev.purista.http.gateway.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out who made a request. The gateway calls it before anything else of a command's work, so a request
 * without valid credentials never reaches a handler. Implementations must be thread-safe; they may block (to
 * fetch a key set, say), since the gateway calls them on a worker thread.
 *
 * <pre>{@code
 * Authenticator apiKey = request -> {
 *   Optional<String> key = request.header("x-api-key");
 *   if (key.isEmpty()) {
 *     return Optional.empty();
 *   }
 *   if (!key.get().equals(expectedKey)) {
 *     throw new AuthenticationException("unknown API key");
 *   }
 *   return Optional.of(Identity.of("reporting-job"));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Authenticator {

  /** Refuses every credential: protected commands answer 401 until an authenticator is configured. */
  Authenticator NONE = new Authenticator() {
    @Override
    public Optional<Identity> authenticate(HttpRequest request) {
      return Optional.empty();
    }

    @Override
    public boolean mayBlock() {
      return false;
    }
  };

  /**
   * The caller's identity; empty when the request carries no credentials (a public command is then called
   * anonymously, a protected one answers 401).
   *
   * @throws AuthenticationException when credentials are present and invalid (401, even on a public command)
   */
  Optional<Identity> authenticate(HttpRequest request) throws AuthenticationException;

  /**
   * Whether {@link #authenticate} may wait, for a key set or a database, say; {@code true} unless an implementation
   * knows better. A server runs requests on a worker thread only when it may, saving a thread hand-off otherwise.
   */
  default boolean mayBlock() {
    return true;
  }

  /** The OpenAPI security schemes this authenticator accepts, by name; none by default. */
  default Map<String, Map<String, Object>> securitySchemes() {
    return Map.of();
  }
}
