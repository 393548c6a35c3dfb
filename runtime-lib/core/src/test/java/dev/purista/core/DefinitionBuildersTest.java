package dev.purista.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DefinitionBuildersTest {
  private static CommandDefinition<String, String, String> command(String name) {
    return CommandDefinition.builder(name, String.class, String.class, String.class).handler((c, p, q) -> p)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "a b", "../x", "a/b", "naïve"})
  void badNamesFailWhenTheDefinitionIsBuilt(String name) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> command(name));
    assertTrue(error.getMessage().contains("command name"), error.getMessage());
  }

  @Test
  void aSubscriptionToInfoMessagesIsNotDurableAndCannotBeMadeDurable() {
    SubscriptionDefinition<Object, Void> onReady = SubscriptionDefinition
        .builder("onReady", Object.class, Void.class)
        .messageType(dev.purista.core.message.MessageType.INFO_SERVICE_READY)
        .handler((ctx, payload) -> null).build();
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SubscriptionDefinition
        .builder("onReady", Object.class, Void.class)
        .messageType(dev.purista.core.message.MessageType.INFO_SERVICE_READY).durable(true)
        .handler((ctx, payload) -> null).build());
    SubscriptionDefinition<String, Void> onEvent = SubscriptionDefinition.builder("onEvent", String.class, Void.class)
        .event("happened").handler((ctx, payload) -> null).build();

    assertEquals(false, onReady.durable());
    assertTrue(refused.getMessage().contains("cannot be durable"), refused.getMessage());
    assertEquals(true, onEvent.durable(), "events stay durable by default");
  }

  @Test
  void aServiceRejectsTwoFunctionsWithOneName() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ServiceDefinition.builder("user", "1").command(command("signUp")).command(command("signUp")));
    assertTrue(error.getMessage().contains("signUp"));
  }

  @Test
  void aSubscriptionNeedsSomethingToListenTo() {
    assertThrows(IllegalArgumentException.class, () -> SubscriptionDefinition
        .builder("orphan", String.class, Void.class).handler((c, p) -> null).build());
  }

  @Test
  void toBuilderKeepsEverything() {
    CommandDefinition<String, String, String> original = command("signUp").toBuilder()
        .successEvent("user.signedUp").http(HttpMethod.POST, "/users").description("d").build();
    CommandDefinition<String, String, String> copy = original.toBuilder().build();

    assertEquals("user.signedUp", copy.successEventName().orElseThrow());
    assertEquals(new HttpExposure(HttpMethod.POST, "users"), copy.http().orElseThrow());
    assertEquals("d", copy.description());
  }

  @Test
  void anExposedCommandIsProtectedUnlessDeclaredPublic() {
    assertEquals(HttpAccess.AUTHENTICATED, command("a").toBuilder().http(HttpMethod.GET, "a").build().http()
        .orElseThrow().access());
    HttpExposure exposure = command("b").toBuilder().http(HttpMethod.POST, "b", HttpAccess.scopes("b:write"))
        .build().toBuilder().build().http().orElseThrow();
    assertEquals(java.util.Set.of("b:write"), exposure.access().scopes());
    assertTrue(HttpAccess.PUBLIC.isPublic());
  }

  @Test
  void aPublicCommandCannotRequireScopes() {
    assertThrows(IllegalArgumentException.class, () -> new HttpAccess(true, java.util.Set.of("x"),
        java.util.Set.of()));
  }
}
