package dev.purista.core.lifecycle;

/**
 * The health of one part of an application.
 *
 * @param live the part works (a reconnecting bridge is live)
 * @param ready the part takes work now
 */
public record ComponentHealth(String name, boolean live, boolean ready) {
}
