package dev.purista.core.store;

/** What every store shares: a name for health reports, a health probe and a way to release connections. */
public interface Store extends AutoCloseable {
  String name();

  default boolean isHealthy() {
    return true;
  }

  @Override
  default void close() {
  }
}
