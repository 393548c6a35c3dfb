/**
 * purista's runtime: services, commands and subscriptions, the event bridge SPI and its support classes, the
 * in-memory bridge, stores, health and graceful shutdown. {@code dev.purista.core.internal} holds the
 * implementation and is not exported.
 *
 * <p>Jackson binds the application's payload, parameter and result records, so a modular application opens the
 * packages that hold them to {@code com.fasterxml.jackson.databind} (and to {@code org.hibernate.validator} when
 * it uses purista-bean-validation).
 */
// OpenTelemetry's jars are automatic modules (named in their manifests), and they are part of this module's API.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.purista.core {
  // Both appear in the API: JsonMappers and MessageCodec take an ObjectMapper, every context has a Logger.
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.slf4j;
  // ServiceOptions and Application take an OpenTelemetry; spans are made current through its Context.
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports dev.purista.core;
  exports dev.purista.core.bridge;
  exports dev.purista.core.lifecycle;
  exports dev.purista.core.message;
  exports dev.purista.core.queue;
  exports dev.purista.core.queue.memory;
  exports dev.purista.core.queue.spi;
  exports dev.purista.core.spi;
  exports dev.purista.core.spi.support;
  exports dev.purista.core.store;
  exports dev.purista.core.store.cache;
  exports dev.purista.core.store.memory;
  exports dev.purista.core.store.secrets;
  exports dev.purista.core.store.spi;
  exports dev.purista.core.telemetry;

  // Jackson reads and writes the envelope's records reflectively.
  opens dev.purista.core.message to com.fasterxml.jackson.databind;

  uses dev.purista.core.queue.spi.QueueBridgeProvider;
  uses dev.purista.core.spi.EventBridgeProvider;
  uses dev.purista.core.spi.PayloadValidator;
  uses dev.purista.core.store.spi.StoreProvider;
}
