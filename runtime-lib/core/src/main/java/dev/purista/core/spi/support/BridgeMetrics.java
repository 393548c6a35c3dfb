package dev.purista.core.spi.support;

import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The counters a broker bridge keeps: reconnects, redeliveries and dead letters, named in {@link MetricNames} and
 * tagged with the bridge's name. They are rare events, so the meter is looked up when one happens: a bridge is
 * usually built before the bootstrap installs the SDK, and counts into it all the same.
 */
public final class BridgeMetrics {
  private static final String SCOPE = "dev.purista";

  private final Supplier<OpenTelemetry> openTelemetry;
  private final Attributes bridge;

  private BridgeMetrics(String bridgeName, Supplier<OpenTelemetry> openTelemetry) {
    this.bridge = Attributes.of(AttributeKey.stringKey(SpanAttributes.BRIDGE),
        Objects.requireNonNull(bridgeName, "bridgeName == null"));
    this.openTelemetry = openTelemetry;
  }

  /** Counts into {@link GlobalOpenTelemetry}'s instance as it is when an event happens. */
  public static BridgeMetrics of(String bridgeName) {
    return new BridgeMetrics(bridgeName, GlobalOpenTelemetry::getOrNoop);
  }

  /** Counts into {@code openTelemetry}, for tests. */
  public static BridgeMetrics of(String bridgeName, OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    return new BridgeMetrics(bridgeName, () -> openTelemetry);
  }

  /** The bridge connected again after losing its connection. */
  public void reconnected() {
    add(MetricNames.BRIDGE_RECONNECTS, "Reconnects after a lost broker connection");
  }

  /** The broker delivered a message again (a retry, or after a lost acknowledgement). */
  public void redelivered() {
    add(MetricNames.BRIDGE_REDELIVERIES, "Messages the broker delivered again");
  }

  /** A message was given up on and moved to the dead letters. */
  public void deadLettered() {
    add(MetricNames.BRIDGE_DEAD_LETTERS, "Messages moved to the dead letters");
  }

  private void add(String name, String description) {
    openTelemetry.get().getMeter(SCOPE).counterBuilder(name).setDescription(description).setUnit("{message}")
        .build().add(1, bridge);
  }
}
