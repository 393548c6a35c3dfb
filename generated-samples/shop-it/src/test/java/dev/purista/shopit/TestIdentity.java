package dev.purista.shopit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

/**
 * The identity provider of the sample's protected routes: it serves a JSON Web Key Set over HTTP, as an issuer
 * does, and signs bearer tokens with the matching key. The processes under test are told where the key set is
 * through {@code PURISTA_HTTP_JWT_JWKS_URL}, the variable their docs name.
 */
final class TestIdentity implements AutoCloseable {
  private final RSAKey key;
  private final HttpServer server;

  TestIdentity() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("shop-it").generate();
    byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks.json", exchange -> {
      try (exchange) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, keySet.length);
        exchange.getResponseBody().write(keySet);
      }
    });
    server.start();
  }

  /** The variables that make a process accept this provider's tokens. */
  Map<String, String> environment() {
    return Map.of("PURISTA_HTTP_JWT_JWKS_URL",
        "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** An {@code Authorization} header value for {@code subject}, valid for an hour. */
  String bearer(String subject) throws JOSEException {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
        .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return "Bearer " + jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
