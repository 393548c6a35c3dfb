package dev.purista.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import dev.purista.core.store.secrets.EnvironmentSecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stores a bootstrap takes from the environment: one instance of each, shared by every service, so that a key
 * one service writes is the key another reads; a store named in a service's options wins; services added before
 * the call are refused rather than silently left on their own in-memory stores.
 */
class EnvironmentStoresAndQueuesTest {
  record Nothing() {
  }

  private static ServiceDefinition service(String name) {
    return ServiceDefinition.builder(name, "1")
        .command(CommandDefinition.builder("noop", Nothing.class, Nothing.class, Nothing.class)
            .handler((ctx, payload, parameter) -> payload).build())
        .build();
  }

  private static StateStore stateStore(Service service) {
    return service.stores().stream().filter(StateStore.class::isInstance).map(StateStore.class::cast)
        .findFirst().orElseThrow();
  }

  @Test
  void everyServiceSharesTheStoresTheEnvironmentChooses() {
    Map<String, String> environment = Map.of("PURISTA_SECRET_STORE", "environment",
        "PURISTA_SECRET_ENV_PREFIX", "APP_");
    Application app = Application.builder(new DefaultEventBridge())
        .storesAndQueuesFrom(environment::get)
        .service(service("one"))
        .service(service("two"))
        .build();

    StateStore first = stateStore(app.services().get(0));
    assertSame(first, stateStore(app.services().get(1)));
    assertTrue(app.services().get(1).stores().stream().anyMatch(EnvironmentSecretStore.class::isInstance),
        app.services().get(1).stores().toString());
    first.set("users", 7);
    assertEquals(7, stateStore(app.services().get(1)).get("users", Integer.class).orElseThrow());
  }

  @Test
  void withoutTheCallEachServiceKeepsItsOwnInMemoryStore() {
    Application app = Application.builder(new DefaultEventBridge())
        .service(service("one"))
        .service(service("two"))
        .build();

    assertNotSame(stateStore(app.services().get(0)), stateStore(app.services().get(1)));
  }

  @Test
  void aStoreNamedInTheOptionsWins() {
    InMemoryStateStore own = new InMemoryStateStore();
    Application app = Application.builder(new DefaultEventBridge())
        .storesAndQueuesFrom(Map.<String, String>of()::get)
        .service(service("one"), options -> options.stateStore(own))
        .build();

    assertSame(own, stateStore(app.services().get(0)));
  }

  @Test
  void servicesAddedBeforeTheCallAreRefused() {
    Application.Builder builder = Application.builder(new DefaultEventBridge()).service(service("one"));

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> builder.storesAndQueuesFrom(Map.<String, String>of()::get));
    assertTrue(refused.getMessage().contains("before adding services"), refused.getMessage());
  }

  @Test
  void anUnknownStoreKindFailsAtBuildTimeNamingTheVariable() {
    Application.Builder builder = Application.builder(new DefaultEventBridge());

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> builder.storesAndQueuesFrom(Map.of("PURISTA_STATE_STORE", "cassandra")::get));
    assertTrue(refused.getMessage().startsWith("PURISTA_STATE_STORE=cassandra"), refused.getMessage());
  }
}
