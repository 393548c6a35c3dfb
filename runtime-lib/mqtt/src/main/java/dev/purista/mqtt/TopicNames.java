package dev.purista.mqtt;

import dev.purista.core.spi.support.SettingChecks;

/** The check of settings that become topic segments or group names: they must not change the shape of a topic. */
final class TopicNames {
  private TopicNames() {
  }

  static String segment(String value, String name) {
    SettingChecks.text(value, name);
    if (value.contains("/") || value.contains("+") || value.contains("#")) {
      throw new IllegalArgumentException(name + " must not contain '/', '+' or '#': " + value);
    }
    return value;
  }
}
