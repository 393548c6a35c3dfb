package dev.purista.core.message;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.UnhandledError;

/** Turns an error response back into the error the caller throws, keeping a handled error's details. */
public final class CommandResponses {
  private CommandResponses() {
  }

  public static PuristaError toError(Message response) {
    ErrorPayload error = response.payload() instanceof ErrorPayload payload ? payload
        : new ErrorPayload(StatusCode.INTERNAL_SERVER_ERROR.code(), UnhandledError.GENERIC_MESSAGE, null);
    StatusCode status = StatusCode.fromCode(error.status());
    String message = error.message() != null ? error.message() : UnhandledError.GENERIC_MESSAGE;
    if (Boolean.TRUE.equals(response.isHandledError())) {
      return new HandledError(status, message, error.data(), FailureReason.RECIPIENT_FAILURE);
    }
    return new UnhandledError(status, message, error.data(), FailureReason.RECIPIENT_FAILURE);
  }
}
