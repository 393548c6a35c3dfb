package dev.purista.cli.engine;

/**
 * What {@code purista add queue-worker} adds.
 *
 * @param serviceVersion the version of the service, or {@code null} when the service has only one
 * @param queue the queue it works: one of this service's, or of another service of the project
 */
public record AddQueueWorkerRequest(String name, String service, String serviceVersion, String description,
    String queue) {
}
