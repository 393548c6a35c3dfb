package dev.purista.http.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path such as {@code /api/v1/users/{id}}: literal segments and variables. Variables may also be written
 * {@code :id}, as in the original's routes. Literal segments are more specific than variables, so that
 * {@code users/me} wins over {@code users/{id}}.
 */
public final class PathTemplate {
  private final String text;
  private final List<String> segments;
  private final boolean[] variable;
  private final int literals;

  PathTemplate(String text) {
    this.text = text;
    this.segments = new ArrayList<>();
    List<Boolean> kinds = new ArrayList<>();
    int literalCount = 0;
    for (String segment : text.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2) {
        segments.add(segment.substring(1, segment.length() - 1));
        kinds.add(true);
      } else if (segment.startsWith(":") && segment.length() > 1) {
        segments.add(segment.substring(1));
        kinds.add(true);
      } else if (segment.contains("{") || segment.contains("}")) {
        throw new IllegalArgumentException("route " + text + ": a path variable must be a whole segment, "
            + "such as {id}");
      } else {
        segments.add(segment);
        kinds.add(false);
        literalCount++;
      }
    }
    this.variable = new boolean[kinds.size()];
    for (int i = 0; i < variable.length; i++) {
      variable[i] = kinds.get(i);
    }
    this.literals = literalCount;
  }

  /** The variables' values when {@code path} matches; {@code null} when it does not. */
  Map<String, String> match(List<String> path) {
    if (path.size() != segments.size()) {
      return null;
    }
    for (int i = 0; i < variable.length; i++) {
      if (!variable[i] && !segments.get(i).equals(path.get(i))) {
        return null;
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < variable.length; i++) {
      if (variable[i]) {
        values.put(segments.get(i), path.get(i));
      }
    }
    return values;
  }

  /** The names of the variables, in order. */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < variable.length; i++) {
      if (variable[i]) {
        names.add(segments.get(i));
      }
    }
    return names;
  }

  /** The path in OpenAPI's form, {@code /api/v1/users/{id}}. */
  public String openApiPath() {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < variable.length; i++) {
      path.append('/').append(variable[i] ? "{" + segments.get(i) + "}" : segments.get(i));
    }
    return path.toString();
  }

  int literals() {
    return literals;
  }

  @Override
  public String toString() {
    return text;
  }
}
