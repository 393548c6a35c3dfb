package dev.purista.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.naming.InvalidNameException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRouteTest {

  @Test
  void parsesMethodAndPathAndNormalizesThem() {
    assertEquals(new HttpRoute("POST", "users"), HttpRoute.parse("post:/users/"));
    assertEquals(new HttpRoute("GET", "users/{id}/orders/{orderId}"), HttpRoute.parse("GET:users/{id}/orders/{orderId}"));
  }

  @Test
  void listsPathVariablesInOrder() {
    assertEquals(List.of("id", "orderId"), HttpRoute.parse("GET:users/{id}/orders/{orderId}").pathVariables());
    assertEquals(List.of(), HttpRoute.parse("POST:users").pathVariables());
  }

  @Test
  void aRouteIsTheSameWhetherPublicOrNot() {
    HttpRoute users = HttpRoute.parse("POST:users");
    assertTrue(users.sameRouteAs(users.asPublic()));
    assertFalse(users.sameRouteAs(HttpRoute.parse("GET:users")));
    assertFalse(users.sameRouteAs(HttpRoute.parse("POST:users/{id}")));
    assertEquals("POST users (public)", users.asPublic().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "FETCH:users", "GET:", "GET:users//x", "GET:../users", "GET:users/{Id}",
      "GET:users/{id}/{id}", "GET:users?x=1", "GET:user s"})
  void rejectsWhatCannotBeARoute(String value) {
    assertThrows(InvalidNameException.class, () -> HttpRoute.parse(value));
  }
}
