package dev.purista.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static CommandDefinition<Void, Void, Void> command(String name, HttpMethod method, String path) {
    return CommandDefinition.builder(name, Void.class, Void.class, Void.class).http(method, path, HttpAccess.PUBLIC)
        .handler((context, payload, parameter) -> null).build();
  }

  @Test
  void aLiteralSegmentWinsOverAVariable() {
    RouteTable table = RouteTable.of("/api", List.of(ServiceDefinition.builder("user", "1")
        .command(command("byId", HttpMethod.GET, "users/{id}"))
        .command(command("me", HttpMethod.GET, "users/me"))
        .build()));
    assertEquals("me", table.match("GET", List.of("api", "v1", "users", "me")).route().command().name());
    RouteTable.Match byId = table.match("GET", List.of("api", "v1", "users", "u7"));
    assertEquals("byId", byId.route().command().name());
    assertEquals(Map.of("id", "u7"), byId.variables());
  }

  @Test
  void anotherMethodOnAKnownPathListsTheAllowedOnes() {
    RouteTable table = RouteTable.of("/api", List.of(ServiceDefinition.builder("user", "1")
        .command(command("byId", HttpMethod.GET, "users/{id}")).build()));
    RouteTable.Match match = table.match("POST", List.of("api", "v1", "users", "u7"));
    assertNull(match.route());
    assertEquals(Set.of("GET"), match.allowed());
    assertTrue(table.match("GET", List.of("api", "v2", "users", "u7")).allowed().isEmpty());
  }

  @Test
  void twoServicesOfOneVersionCannotShareARoute() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RouteTable.of("/api",
        List.of(ServiceDefinition.builder("user", "1").command(command("list", HttpMethod.GET, "items")).build(),
            ServiceDefinition.builder("shop", "1").command(command("items", HttpMethod.GET, "items")).build())));
    assertTrue(error.getMessage().contains("user v1 list") && error.getMessage().contains("shop v1 items"),
        error.getMessage());
  }
}
