package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.purista.http.auth.JwtAuthenticator;
import dev.purista.http.fixture.ShopService;
import dev.purista.http.fixture.TestServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in JWT bearer authenticator, with keys from a JWKS URL served over a real socket: each way a token can
 * be wrong answers 401 and never reaches a handler; a missing scope answers 403.
 */
class JwtAuthenticationTest {
  private static final String ISSUER = "https://login.test/";
  private static final String AUDIENCE = "shop-api";
  private static RSAKey key;
  private static RSAKey otherKey;
  private static com.sun.net.httpserver.HttpServer jwks;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/jwks.json", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, keySet.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(keySet);
      }
    });
    jwks.start();
    server = new TestServer(settings -> settings.authenticator(JwtAuthenticator.builder()
        .jwksUrl("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")
        .issuer(ISSUER).audience(AUDIENCE).build()));
  }

  @AfterAll
  static void stop() {
    server.close();
    jwks.stop(0);
  }

  private static String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("user-7").issuer(ISSUER).audience(AUDIENCE)
        .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("tenant_id", "tenant-3");
    claims.accept(builder);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
        builder.build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.send(request);
  }

  private static HttpResponse<String> order(String token) {
    int before = ShopService.SEEN.size();
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/orders"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":2}")));
    if (response.statusCode() != 200) {
      assertEquals(before, ShopService.SEEN.size(), "a refused request reached the handler");
    }
    return response;
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aValidTokenReachesTheHandlerWithPrincipalAndTenant() throws Exception {
    HttpResponse<String> response = get("/api/v1/me", token(key, claims -> { }));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode caller = TestServer.json(response);
    assertEquals("user-7", caller.get("principalId").asText());
    assertEquals("tenant-3", caller.get("tenantId").asText());
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    HttpResponse<String> response = get("/api/v1/me", token(key, claims -> claims.expirationTime(
        Date.from(Instant.now().minusSeconds(600)))));
    assertUnauthorized(response);
    assertTrue(TestServer.json(response).get("detail").asText().contains("Expired"), response.body());
  }

  @Test
  void aTokenNotYetValidIs401() throws Exception {
    assertUnauthorized(get("/api/v1/me", token(key, claims -> claims.notBeforeTime(
        Date.from(Instant.now().plusSeconds(600))))));
  }

  @Test
  void aTokenForAnotherAudienceIs401() throws Exception {
    assertUnauthorized(get("/api/v1/me", token(key, claims -> claims.audience("other-api"))));
  }

  @Test
  void aTokenFromAnotherIssuerIs401() throws Exception {
    assertUnauthorized(get("/api/v1/me", token(key, claims -> claims.issuer("https://evil.test/"))));
  }

  @Test
  void aTokenWithAWrongSignatureIs401AndNeverReachesTheHandler() throws Exception {
    assertUnauthorized(order(token(otherKey, claims -> claims.claim("scope", "orders:write"))));
  }

  @Test
  void aMalformedTokenIs401() {
    assertUnauthorized(get("/api/v1/me", "not.a.jwt"));
  }

  @Test
  void noTokenIs401() {
    assertUnauthorized(get("/api/v1/me", null));
  }

  @Test
  void aMissingScopeIs403AndNeverReachesTheHandler() throws Exception {
    HttpResponse<String> response = order(token(key, claims -> claims.claim("scope", "orders:read")));
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(TestServer.json(response).get("detail").asText().contains("orders:write"));
  }

  @Test
  void theRequiredScopeIsEnough() throws Exception {
    HttpResponse<String> response = order(token(key, claims -> claims.claim("scp", List.of("orders:write"))));
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void aPublicCommandAnswersWithoutAToken() {
    HttpResponse<String> response = get("/api/v1/who", null);
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(TestServer.json(response).hasNonNull("principalId"));
  }

  @Test
  void aPublicCommandRefusesAnInvalidToken() throws Exception {
    assertUnauthorized(get("/api/v1/who", token(otherKey, claims -> { })));
  }
}
