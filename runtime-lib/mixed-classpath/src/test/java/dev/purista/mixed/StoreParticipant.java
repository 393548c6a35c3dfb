package dev.purista.mixed;

import dev.purista.core.store.EnvironmentStores;
import dev.purista.core.store.StateStore;
import java.util.Map;

/**
 * A store module's part: the state store the environment selects by {@code kind} (found through its provider, as
 * a bootstrap finds it) writes a value and another instance of it reads the value back.
 */
final class StoreParticipant implements Participant {
  private final String kind;
  private final Map<String, String> environment;

  StoreParticipant(String kind, Map<String, String> environment) {
    this.kind = kind;
    this.environment = environment;
  }

  @Override
  public String name() {
    return kind + " state store";
  }

  @Override
  public void roundTrip() {
    EnvironmentStores stores = EnvironmentStores.from(name -> name.equals("PURISTA_STATE_STORE") ? kind
        : environment.getOrDefault(name, System.getenv(name)));
    String key = "mixed-classpath-" + System.nanoTime();
    try (StateStore writer = stores.stateStore(); StateStore reader = stores.stateStore()) {
      writer.set(key, Map.of("module", kind));
      Object read = reader.get(key, Map.class).orElseThrow(() -> new AssertionError(kind + ": value not read back"))
          .get("module");
      writer.remove(key);
      if (!kind.equals(read)) {
        throw new AssertionError(kind + ": read back " + read);
      }
    }
  }
}
