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
   * One mapper for the whole runtime. Jackson caches what it learns about each type in the mapper, so sharing one
   * keeps binding fast from the first call of every new client or service. It is configured here once and never
   * reconfigured, which is what makes sharing it safe.
   */
  public static ObjectMapper shared() {
    return Shared.MAPPER;
  }

  private static final class Shared {
    private static final ObjectMapper MAPPER = standard();
  }

  public static ObjectMapper standard() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .findAndAddModules()
        .build();
  }
}
