/**
 * purista-http: serves the HTTP-exposed commands of an application's services, their OpenAPI document, a docs
 * page and health. {@code dev.purista.http.gateway} answers plain requests without a server, so other entry points
 * reuse it; {@code dev.purista.http.undertow}, {@code dev.purista.http.jdk} and {@code dev.purista.http.internal}
 * are the implementation and are not exported.
 */
// Undertow has no module descriptor and no Automatic-Module-Name: its module name comes from the jar's file name.
@SuppressWarnings("requires-automatic")
module dev.purista.http {
  requires transitive dev.purista.core;
  // JwtAuthenticator.Builder takes nimbus keys and algorithms.
  requires transitive com.nimbusds.jose.jwt;
  requires com.github.victools.jsonschema.generator;
  requires com.github.victools.jsonschema.module.jakarta.validation;
  requires undertow.core;
  // The JDK's own server, the lighter choice (ServerKind.JDK).
  requires jdk.httpserver;
  requires org.jboss.logging;

  // Undertow and XNIO log through JBoss Logging; this sends it to SLF4J.
  provides org.jboss.logging.LoggerProvider with dev.purista.http.internal.JBossLoggingToSlf4j;

  exports dev.purista.http;
  exports dev.purista.http.auth;
  exports dev.purista.http.gateway;
  exports dev.purista.http.openapi;
}
