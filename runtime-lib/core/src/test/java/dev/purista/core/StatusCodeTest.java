package dev.purista.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusCodeTest {
  @Test
  void knownCodesMapToTheirConstantAndUnknownOnesKeepTheirClass() {
    assertEquals(StatusCode.LOGIN_TIME_OUT, StatusCode.fromCode(440));
    assertEquals(StatusCode.NOT_FOUND, StatusCode.fromCode(404));
    assertEquals(StatusCode.BAD_REQUEST, StatusCode.fromCode(487));
    assertEquals(StatusCode.INTERNAL_SERVER_ERROR, StatusCode.fromCode(599));
    assertEquals(StatusCode.INTERNAL_SERVER_ERROR, StatusCode.fromCode(200 + 99));
  }
}
