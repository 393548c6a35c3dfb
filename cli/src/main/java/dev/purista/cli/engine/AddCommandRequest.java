package dev.purista.cli.engine;

/**
 * What {@code purista add command} adds.
 *
 * @param serviceVersion the version of the service, or {@code null} when the service has only one
 * @param http {@code METHOD:PATH}, or {@code null} for no HTTP exposure
 * @param publicRoute whether the HTTP route is callable without authentication; only with {@code http}
 * @param emits the success event name, or {@code null}
 */
public record AddCommandRequest(String name, String service, String serviceVersion, String description, String http,
    boolean publicRoute, String emits) {

  /** A command whose HTTP route, if it has one, is protected (the default). */
  public AddCommandRequest(String name, String service, String serviceVersion, String description, String http,
      String emits) {
    this(name, service, serviceVersion, description, http, false, emits);
  }
}
