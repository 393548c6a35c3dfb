package dev.purista.core.store.secrets;

import dev.purista.core.store.SecretStore;

/** The one error of the read-only secret stores, so that both say the same thing. */
final class ReadOnlySecrets {
  private ReadOnlySecrets() {
  }

  static UnsupportedOperationException refuse(SecretStore store, String operation, String name) {
    return new UnsupportedOperationException("cannot " + operation + " secret '" + name + "': " + store.name()
        + " is read-only; the platform that provides the secrets changes them");
  }
}
