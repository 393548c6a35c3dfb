package dev.purista.core.spi;

/**
 * A registered command or subscription endpoint. Closing it unregisters that endpoint, and only that one, so
 * that one instance can leave while others of the same service keep serving.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  @Override
  void close();
}
