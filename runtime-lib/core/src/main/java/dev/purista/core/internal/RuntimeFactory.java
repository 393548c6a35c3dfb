package dev.purista.core.internal;

import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.PayloadValidator;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Collection;

/**
 * Where the API types get their implementations. It is public only because the API lives in other packages; the
 * module does not export this package, and nothing here is meant for application code.
 */
public final class RuntimeFactory {
  private RuntimeFactory() {
  }

  /** A running instance of {@code definition} on {@code bridge}. */
  public static Service service(ServiceDefinition definition, EventBridge bridge, ServiceOptions options) {
    return new ServiceRuntime(definition, bridge, options);
  }

  /**
   * The validator found on the class path, made ready for the types all of {@code services} declare: one for an
   * application's services together, so that an implementation that reads constraints up front does it once.
   */
  public static PayloadValidator validatorFor(Collection<ServiceDefinition> services) {
    return Validation.discoverFor(services);
  }

  /** A client that calls and emits as service {@code callerName}. */
  public static PuristaClient client(EventBridge bridge, String callerName, OpenTelemetry openTelemetry) {
    MessageAddress sender = new MessageAddress(callerName, "1", "client", bridge.instanceId());
    return new BridgeInvoker(bridge, sender, null, new PayloadBinder(SharedMapper.MAPPER),
        Telemetry.of(openTelemetry));
  }
}
