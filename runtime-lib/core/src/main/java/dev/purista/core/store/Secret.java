package dev.purista.core.store;

/**
 * A secret value. {@link #toString()} never shows it; call {@link #reveal()} at the one place that needs the
 * plain value (opening a connection, signing a token). Not a record, because a record's generated
 * {@code toString} would print the value.
 */
public final class Secret {
  private final String name;
  private final String value;

  public Secret(String name, String value) {
    if (name == null || value == null) {
      throw new NullPointerException("name == null || value == null");
    }
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[" + name + "=****]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.name.equals(name) && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + value.hashCode();
  }
}
