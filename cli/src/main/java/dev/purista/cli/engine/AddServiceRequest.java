package dev.purista.cli.engine;

/**
 * What {@code purista add service} adds.
 *
 * @param version the service version, or {@code null} for 1
 * @param description one line, or {@code null}
 */
public record AddServiceRequest(String name, String version, String description) {
}
