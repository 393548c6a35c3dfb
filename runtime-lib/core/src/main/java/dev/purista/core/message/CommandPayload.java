package dev.purista.core.message;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The payload of a command message: PURISTA's {@code {payload, parameter}}. In process the two values are the
 * caller's objects; after a trip over the wire they are JSON trees that the receiver binds to its own types.
 */
@JsonPropertyOrder({"payload", "parameter"})
public record CommandPayload(Object payload, Object parameter) {
}
