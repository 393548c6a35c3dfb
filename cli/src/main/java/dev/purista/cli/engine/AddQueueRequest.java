package dev.purista.cli.engine;

/**
 * What {@code purista add queue} adds.
 *
 * @param serviceVersion the version of the service, or {@code null} when the service has only one
 * @param maxAttempts attempts before a failing job is dead-lettered, or {@code null} for the runtime's default
 */
public record AddQueueRequest(String name, String service, String serviceVersion, String description,
    Integer maxAttempts) {
}
