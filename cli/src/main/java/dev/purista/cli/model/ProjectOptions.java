package dev.purista.cli.model;

/**
 * Project-wide generation options.
 *
 * @param javaRelease the Java release the generated build compiles for ({@code --release})
 */
public record ProjectOptions(int javaRelease) {
}
