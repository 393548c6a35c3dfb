package dev.purista.core;

/** Why an invocation failed, so that a caller can react without parsing messages or status codes. */
public enum FailureReason {
  /** The receiving command answered with an error response: its handler, a guard or validation failed. */
  RECIPIENT_FAILURE,
  /** No response arrived before the deadline of the call. */
  TIMEOUT,
  /** No instance serves the command, so the call failed at once instead of waiting for its deadline. */
  NO_HANDLERS,
  /** The event bridge could not send the call, for example because the broker connection is down. */
  BRIDGE_FAILURE
}
