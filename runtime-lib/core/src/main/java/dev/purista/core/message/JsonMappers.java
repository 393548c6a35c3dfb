package dev.purista.core.message;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the runtime. Unknown properties are ignored, as PURISTA's schemas strip
 * them, so that a newer sender does not break an older receiver; a null for a primitive is an error, because
 * silently reading it as zero would hide a bad request.
 */
public final class JsonMappers {
  private JsonMappers() {
  }

  /**
   * A new mapper with the runtime's configuration, on every call; the caller owns it and may configure it
   * further. The runtime's own mappers are never handed out, so that nothing can reconfigure them.
   */
  public static ObjectMapper standard() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .findAndAddModules()
        .build();
  }
}
