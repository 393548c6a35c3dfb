package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.support.PendingInvocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the responses addressed to this bridge and completes the calls waiting for them. A response nobody
 * waits for (it came after the call's deadline) and anything that is not a response are logged and dropped.
 */
public final class ResponseRoute {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseRoute.class);

  private final Topology topology;
  private final WireFormat wire;
  private final MqttConnection connection;
  private final PendingInvocations pending;

  public ResponseRoute(Topology topology, WireFormat wire, MqttConnection connection, PendingInvocations pending) {
    this.topology = topology;
    this.wire = wire;
    this.connection = connection;
    this.pending = pending;
  }

  public void open() {
    connection.subscribe(topology.responseFilters(), 1, this::onResponse, false);
  }

  void onResponse(Mqtt5Publish publish) {
    Message response;
    try {
      response = wire.decode(publish);
    } catch (MalformedMessageException e) {
      LOG.warn("dropped a malformed message on response topic {} ({} bytes): {}", publish.getTopic(),
          publish.getPayloadAsBytes().length, e.getMessage());
      return;
    }
    if (!response.messageType().isCommandResponse()) {
      LOG.warn("dropped message {} on response topic {}: a {} is not a response", response.id(), publish.getTopic(),
          response.messageType().wireName());
      return;
    }
    if (!pending.complete(response)) {
      LOG.debug("dropped response {} to call {}: no call is waiting for it (late, or answered already)",
          response.id(), response.correlationId());
    }
  }
}
