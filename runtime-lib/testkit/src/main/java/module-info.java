/** Harnesses for one command or subscription, and the contract suite every event bridge passes. */
// The OpenTelemetry SDK's jars are automatic modules; TraceChain hands their span data to tests.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.purista.testkit {
  requires transitive dev.purista.core;
  requires transitive org.junit.jupiter.api;
  requires transitive io.opentelemetry.sdk.trace;
  requires transitive io.opentelemetry.sdk.common;
  requires transitive io.opentelemetry.sdk.metrics;
  requires transitive io.opentelemetry.sdk;
  requires transitive io.opentelemetry.sdk.testing;
  requires java.net.http;

  exports dev.purista.testkit;

  // JUnit runs the contract suite's test methods, and Jackson binds its payload records, reflectively.
  opens dev.purista.testkit to org.junit.platform.commons, com.fasterxml.jackson.databind;
}
