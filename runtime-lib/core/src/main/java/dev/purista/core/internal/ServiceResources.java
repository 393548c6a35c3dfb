package dev.purista.core.internal;

import dev.purista.core.Resources;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;

/** What every handler of one service instance shares; built once per instance, so a call allocates nothing. */
record ServiceResources(
    EventBridge bridge,
    PayloadBinder binder,
    Validation validation,
    HandlerExecutor executor,
    StateStore states,
    ConfigStore configs,
    SecretStore secrets,
    Resources userResources,
    QueueClient queues,
    Telemetry telemetry) {
}
