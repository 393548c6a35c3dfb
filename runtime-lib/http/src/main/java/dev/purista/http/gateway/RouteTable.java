package dev.purista.http.gateway;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpExposure;
import dev.purista.core.ServiceDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every HTTP-exposed command of a set of services, at {@code <mount>/v<version>/<path>}. Two commands on one
 * method and path are refused when the table is built, not found out by the first caller.
 */
public final class RouteTable {
  private final List<Route> routes;

  private RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The routes of {@code services} under {@code mountPath}, such as {@code /api}. */
  public static RouteTable of(String mountPath, Collection<ServiceDefinition> services) {
    List<Route> routes = new ArrayList<>();
    for (ServiceDefinition service : services) {
      for (CommandDefinition<?, ?, ?> command : service.commands()) {
        if (command.http().isEmpty()) {
          continue;
        }
        HttpExposure http = command.http().get();
        PathTemplate template = new PathTemplate(mountPath + "/v" + service.version() + "/" + http.path());
        Route route = new Route(http.method().name(), template, service.info(), command);
        for (Route other : routes) {
          if (other.method().equals(route.method()) && other.path().equals(route.path())) {
            throw new IllegalArgumentException("two commands on " + route.describe() + ": "
                + other.address().describe() + " and " + route.address().describe());
          }
        }
        routes.add(route);
      }
    }
    // Most literal segments first, so that the first match is the most specific one.
    routes.sort(Comparator.comparingInt((Route r) -> -r.template().literals()));
    return new RouteTable(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /** What a path and method lead to: a route, or which methods the path has (none: 404). */
  public Match match(String method, List<String> path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> variables = route.template().match(path);
      if (variables == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route, variables, Set.of());
      }
      allowed.add(route.method());
    }
    return new Match(null, Map.of(), allowed);
  }

  /**
   * A lookup's result.
   *
   * @param route the route, or {@code null} when no route has this path and method
   * @param variables the path variables' decoded values
   * @param allowed without a route: the methods this path has; empty when the path is unknown
   */
  public record Match(Route route, Map<String, String> variables, Set<String> allowed) {
  }
}
