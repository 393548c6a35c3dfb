package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;

/** The module's one mapper, with the runtime's configuration; one per module, since each builds its own caches. */
public final class LambdaJson {
  private static final ObjectMapper MAPPER = JsonMappers.standard();

  private LambdaJson() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
