package dev.purista.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;

/**
 * The mapper every service and client of the process binds payloads with. Jackson caches what it learns about
 * each type in the mapper, so sharing one keeps binding fast from the first call of every new client or service.
 * It never leaves this package, so nobody can reconfigure it under the runtime's feet.
 */
final class SharedMapper {
  static final ObjectMapper MAPPER = JsonMappers.standard();

  private SharedMapper() {
  }
}
