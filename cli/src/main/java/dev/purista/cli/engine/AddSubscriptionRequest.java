package dev.purista.cli.engine;

/**
 * What {@code purista add subscription} adds.
 *
 * @param serviceVersion the version of the service, or {@code null} when the service has only one
 * @param event the event it reacts to
 * @param emits the event its output is emitted as, or {@code null}
 */
public record AddSubscriptionRequest(String name, String service, String serviceVersion, String description,
    String event, String emits) {
}
