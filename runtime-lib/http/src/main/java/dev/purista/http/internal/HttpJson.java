package dev.purista.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;

/**
 * The HTTP module's one mapper, with the runtime's configuration. One per module rather than one per class,
 * because each mapper builds its own serializer caches; it lives in a package the module does not export, so that
 * no user code can reconfigure it.
 */
public final class HttpJson {
  private static final ObjectMapper MAPPER = JsonMappers.standard();

  private HttpJson() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
