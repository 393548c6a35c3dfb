package dev.purista.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Resources;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.store.memory.InMemorySecretStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What a handler sees: MDC, envelope metadata, stores and resources. */
class HandlerContextTest {
  record Empty() {
  }

  @Test
  void theMdcCarriesServiceCommandAndTraceWhileTheHandlerRunsOnly() {
    AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    AtomicReference<String> traceId = new AtomicReference<>();
    DefaultEventBridge bridge = new DefaultEventBridge();
    bridge.start();
    ServiceDefinition service = ServiceDefinition.builder("mdc", "1")
        .command(CommandDefinition.builder("look", Empty.class, Empty.class, Long.class)
            .handler((ctx, p, q) -> {
              seen.set(new HashMap<>(MDC.getCopyOfContextMap()));
              traceId.set(ctx.traceId());
              ctx.states().set("seen", Map.of("by", ctx.message().receiver().serviceTarget()));
              return ctx.states().increment("calls");
            }).build())
        .build();
    service.getInstance(bridge).start();

    Long calls = PuristaClient.of(bridge, "test").invoke(MessageAddress.of("mdc", "1", "look"), new Empty(),
        new Empty(), Long.class);

    assertEquals(1L, calls);
    assertEquals("mdc", seen.get().get("service"));
    assertEquals("look", seen.get().get("command"));
    assertEquals(traceId.get(), seen.get().get("traceId"));
    assertNotNull(seen.get().get("correlationId"));
    assertNull(MDC.get("service"), "the caller's thread MDC is untouched");
    bridge.stop();
  }

  @Test
  void resourcesAndSecretsComeFromTheServiceOptions() {
    DefaultEventBridge bridge = new DefaultEventBridge();
    bridge.start();
    AtomicReference<String> secretText = new AtomicReference<>();
    ServiceDefinition service = ServiceDefinition.builder("res", "1")
        .command(CommandDefinition.builder("use", Empty.class, Empty.class, String.class)
            .handler((ctx, p, q) -> {
              secretText.set(String.valueOf(ctx.secrets().get("apiKey").orElseThrow()));
              return ctx.resources().get("greeting", String.class) + " "
                  + ctx.secrets().get("apiKey").orElseThrow().reveal().length();
            }).build())
        .build();
    service.getInstance(bridge, ServiceOptions.configure(o -> o
        .resources(Resources.builder().add("greeting", "hi").build())
        .secretStore(new InMemorySecretStore(Map.of("apiKey", "s3cr3t-value"))))).start();

    String answer = PuristaClient.of(bridge, "test").invoke(MessageAddress.of("res", "1", "use"), new Empty(),
        new Empty(), String.class);

    assertEquals("hi 12", answer);
    assertEquals("Secret[apiKey=****]", secretText.get(), "a secret printed or logged shows no value");
    bridge.stop();
  }
}
