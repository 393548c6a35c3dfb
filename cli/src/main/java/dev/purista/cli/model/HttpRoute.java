package dev.purista.cli.model;

import dev.purista.cli.naming.InvalidNameException;
import dev.purista.cli.naming.NameShapes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a command is exposed over HTTP: a method and a path relative to {@code /api/v<version>/}, such as
 * {@code GET users/{id}}. Path variables in braces become components of the command's parameter record. A route
 * is protected (callers must authenticate) unless it is public.
 */
public record HttpRoute(String method, String path, boolean isPublic) {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Parses {@code METHOD:PATH} as typed after {@code --http}. */
  public static HttpRoute parse(String value) {
    int colon = value == null ? -1 : value.indexOf(':');
    if (colon < 0) {
      throw new InvalidNameException("--http '" + value + "' must be METHOD:PATH", "use --http POST:users");
    }
    return of(value.substring(0, colon), value.substring(colon + 1));
  }

  /** A protected route, as stored. */
  public HttpRoute(String method, String path) {
    this(method, path, false);
  }

  /** Checks and normalizes a protected route. */
  public static HttpRoute of(String method, String path) {
    return of(method, path, false);
  }

  /** Checks and normalizes a route: upper-case method, no leading or trailing slash. */
  public static HttpRoute of(String method, String path, boolean isPublic) {
    String normalizedMethod = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(normalizedMethod)) {
      throw new InvalidNameException("HTTP method '" + method + "' is not one of GET, POST, PUT, PATCH, DELETE",
          "use --http POST:users");
    }
    String normalizedPath = path.strip();
    while (normalizedPath.startsWith("/")) {
      normalizedPath = normalizedPath.substring(1);
    }
    while (normalizedPath.endsWith("/")) {
      normalizedPath = normalizedPath.substring(0, normalizedPath.length() - 1);
    }
    if (normalizedPath.isEmpty()) {
      throw new InvalidNameException("HTTP path must not be empty", "use --http POST:users");
    }
    Set<String> seen = new HashSet<>();
    for (String segment : normalizedPath.split("/", -1)) {
      String variable = NameShapes.pathVariable(segment);
      if (variable != null) {
        if (!seen.add(variable)) {
          throw new InvalidNameException("HTTP path '" + path + "' names the variable {" + variable
              + "} twice", null);
        }
      } else if (segment.equals(".") || segment.equals("..") || !NameShapes.isPathLiteral(segment)) {
        throw new InvalidNameException("HTTP path '" + path + "' has the invalid segment '" + segment + "'",
            "use letters, digits, '-', '_', '.', '~' or a lowerCamel variable such as {id}");
      }
    }
    return new HttpRoute(normalizedMethod, normalizedPath, isPublic);
  }

  /** The names of the path variables, in order: {@code users/{id}} → {@code [id]}. */
  public List<String> pathVariables() {
    List<String> names = new ArrayList<>();
    for (String segment : path.split("/")) {
      String variable = NameShapes.pathVariable(segment);
      if (variable != null) {
        names.add(variable);
      }
    }
    return names;
  }

  /** Whether both answer the same requests: same method and path, public or not. */
  public boolean sameRouteAs(HttpRoute other) {
    return method.equals(other.method) && path.equals(other.path);
  }

  /** The same route, callable without authentication. */
  public HttpRoute asPublic() {
    return new HttpRoute(method, path, true);
  }

  @Override
  public String toString() {
    return method + " " + path + (isPublic ? " (public)" : "");
  }
}
