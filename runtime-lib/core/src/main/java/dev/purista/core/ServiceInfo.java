package dev.purista.core;

/** Name, version and description of a service. The version is a string, as in PURISTA ({@code "1"}). */
public record ServiceInfo(String name, String version, String description) {
}
