package dev.purista.core.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemorySecretStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Store calls from a handler are spans with the original's names, children of the handler's; no value leaks. */
class StoreTracingTest {
  private static final String SECRET_VALUE = "s3cr3t-value-that-must-not-leak";
  private static final MessageAddress USE = MessageAddress.of("vault", "1", "use");

  record Call(String key) {
  }

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final DefaultEventBridge bridge = new DefaultEventBridge();

  @AfterEach
  void stop() {
    bridge.stop();
    sdk.close();
  }

  @Test
  void everyStoreOperationOfAHandlerIsASpanNamingTheKeyButNoValue() {
    InMemoryStateStore states = new InMemoryStateStore();
    InMemorySecretStore secrets = new InMemorySecretStore(Map.of("api-key", SECRET_VALUE));
    InMemoryConfigStore configs = new InMemoryConfigStore(Map.of("limit", "7"));
    bridge.start();
    Service service = ServiceDefinition.builder("vault", "1")
        .command(CommandDefinition.builder("use", Call.class, Void.class, String.class)
            .handler((ctx, call, ignored) -> {
              String key = ctx.secrets().get("api-key").orElseThrow().reveal();
              ctx.states().set("last", Map.of("key", key));
              ctx.states().get("last", Map.class);
              ctx.states().increment("calls");
              ctx.states().remove("last");
              ctx.configs().get("limit");
              ctx.configs().get("missing");
              ctx.secrets().set("rotated", SECRET_VALUE + "-2");
              ctx.secrets().remove("rotated");
              return "ok";
            }).build())
        .build()
        .getInstance(bridge, ServiceOptions.configure(options -> options.openTelemetry(sdk).stateStore(states)
            .secretStore(secrets).configStore(configs)));
    service.start();

    assertEquals("ok", PuristaClient.of(bridge, "test", sdk).invoke(USE, new Call("x"), null, String.class));

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData handler = finished.stream().filter(span -> span.getName().equals(SpanNames.COMMAND_RECEIVED))
        .findFirst().orElseThrow();
    List<SpanData> stores = finished.stream().filter(span -> span.getName().contains("Store.")).toList();
    assertEquals(List.of(SpanNames.SECRET_STORE_GET, SpanNames.STATE_STORE_SET, SpanNames.STATE_STORE_GET,
        SpanNames.STATE_STORE_SET, SpanNames.STATE_STORE_REMOVE, SpanNames.CONFIG_STORE_GET,
        SpanNames.CONFIG_STORE_GET, SpanNames.SECRET_STORE_SET, SpanNames.SECRET_STORE_REMOVE),
        stores.stream().map(SpanData::getName).toList());
    for (SpanData span : stores) {
      assertEquals(handler.getSpanId(), span.getParentSpanId(), span.getName() + " is the handler's child");
      assertEquals(handler.getTraceId(), span.getTraceId());
      assertEquals(SpanKind.INTERNAL, span.getKind());
      span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains(SECRET_VALUE),
          () -> span.getName() + " holds a secret in " + key));
      span.getEvents().forEach(event -> assertFalse(event.getAttributes().toString().contains(SECRET_VALUE)));
    }
    assertEquals("api-key", stores.get(0).getAttributes().get(AttributeKey.stringKey(SpanAttributes.STORE_KEY)));
    assertEquals(secrets.name(), stores.get(0).getAttributes().get(AttributeKey.stringKey(
        SpanAttributes.STORE_NAME)));
    assertEquals(true, stores.get(5).getAttributes().get(AttributeKey.booleanKey(SpanAttributes.STORE_FOUND)));
    assertEquals(false, stores.get(6).getAttributes().get(AttributeKey.booleanKey(SpanAttributes.STORE_FOUND)));
    assertTrue(service.stores().contains(states), "the application still sees the store itself");
    assertSame(states, service.stores().get(0));
  }
}
