package dev.purista.mqtt;

import java.time.Duration;

/** The checks of {@link MqttBridgeConfig.Builder}: a bad value fails where it is set, with its name. */
final class SettingChecks {
  private SettingChecks() {
  }

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /** Values that become topic segments or group names must not change the shape of a topic. */
  static String segment(String value, String name) {
    text(value, name);
    if (value.contains("/") || value.contains("+") || value.contains("#")) {
      throw new IllegalArgumentException(name + " must not contain '/', '+' or '#': " + value);
    }
    return value;
  }

  static Duration positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
