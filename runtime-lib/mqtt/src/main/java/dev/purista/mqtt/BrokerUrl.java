package dev.purista.mqtt;

import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.SettingChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A broker URL taken apart: {@code mqtt://user:secret@host:1883} or {@code tcp://...} for plain TCP,
 * {@code mqtts://}, {@code ssl://} or {@code tls://} for TLS. A URL without a port has port 0, and the config
 * chooses 1883, or 8883 with TLS.
 */
record BrokerUrl(String host, int port, boolean tls, String username, String password) {
  static final int PLAIN_PORT = 1883;
  static final int TLS_PORT = 8883;

  static BrokerUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("MQTT URL is not a URL: " + Credentials.redact(url), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = switch (scheme) {
      case "mqtt", "tcp" -> false;
      case "mqtts", "ssl", "tls" -> true;
      default -> throw new IllegalArgumentException("MQTT URL scheme must be mqtt, tcp, mqtts, ssl or tls: "
          + Credentials.redact(url));
    };
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("MQTT URL has no host: " + Credentials.redact(url));
    }
    // No port: 0, so that the config picks 1883 or 8883 by the TLS switch, which may change after the URL.
    int port = uri.getPort() == -1 ? 0 : SettingChecks.port(uri.getPort(), "the port of the MQTT URL");
    String username = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new BrokerUrl(uri.getHost(), port, tls, username, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

}
