package dev.purista.examples.signup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** The demo's main asserts its own steps and throws on any failure; here it runs in the build. */
class SignUpDemoTest {
  @Test
  void theDemoRunsEndToEnd() {
    assertDoesNotThrow(() -> SignUpDemo.main(new String[0]));
  }
}
