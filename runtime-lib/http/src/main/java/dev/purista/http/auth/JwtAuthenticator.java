package dev.purista.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.http.gateway.HttpRequest;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates {@code Authorization: Bearer <JWT>} with nimbus-jose-jwt: the signature (keys from a JWKS URL,
 * fetched and cached, or a given key), expiry and not-before (60 s clock skew), the issuer and the audience when
 * configured, and a subject. The identity takes {@code sub} as principal id, a tenant claim ({@code tenant_id} by
 * default), scopes from {@code scope} (space-separated) or {@code scp}, and roles from {@code roles}.
 *
 * <pre>{@code
 * JwtAuthenticator.builder()
 *     .jwksUrl("https://login.example.com/.well-known/jwks.json")
 *     .issuer("https://login.example.com/")
 *     .audience("orders-api")
 *     .build();
 * }</pre>
 *
 * <p>From the environment: {@code PURISTA_HTTP_JWT_JWKS_URL}, {@code PURISTA_HTTP_JWT_ISSUER},
 * {@code PURISTA_HTTP_JWT_AUDIENCE}, {@code PURISTA_HTTP_JWT_TENANT_CLAIM}, {@code PURISTA_HTTP_JWT_ROLES_CLAIM}.
 */
public final class JwtAuthenticator implements Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
  private static final String BEARER = "bearer ";
  /** Fetching the key set: generous timeouts, since a request waits for it only on the first call and on a new key. */
  private static final int JWKS_TIMEOUT_MS = 5_000;
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final String tenantClaim;
  private final String rolesClaim;
  private final boolean remoteKeys;

  private JwtAuthenticator(Builder builder) {
    if (builder.keys == null) {
      throw new IllegalStateException("a JWT authenticator needs a JWKS URL or a key");
    }
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(builder.algorithms, builder.keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (builder.issuer != null) {
      exact.issuer(builder.issuer);
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(builder.audience, exact.build(),
        Set.of("sub", "exp")));
    this.tenantClaim = builder.tenantClaim;
    this.rolesClaim = builder.rolesClaim;
    this.remoteKeys = builder.remoteKeys;
  }

  /** Only a key set fetched from a URL makes verification wait. */
  @Override
  public boolean mayBlock() {
    return remoteKeys;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configured from the {@code PURISTA_HTTP_JWT_*} variables of {@code environment}; the JWKS URL is required. */
  public static JwtAuthenticator fromEnvironment(Map<String, String> environment) {
    Builder builder = builder();
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_HTTP_JWT_", environment);
    env.text("JWKS_URL", builder::jwksUrl);
    env.text("ISSUER", builder::issuer);
    env.text("AUDIENCE", builder::audience);
    env.text("TENANT_CLAIM", builder::tenantClaim);
    env.text("ROLES_CLAIM", builder::rolesClaim);
    if (builder.keys == null) {
      throw new IllegalArgumentException(env.name("JWKS_URL") + " is not set");
    }
    return builder.build();
  }

  @Override
  public Optional<Identity> authenticate(HttpRequest request) throws AuthenticationException {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty() || !header.get().toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = header.get().substring(BEARER.length()).trim();
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new AuthenticationException("The bearer token is not a well-formed JWT");
    } catch (BadJOSEException e) {
      throw new AuthenticationException("The bearer token was rejected: " + e.getMessage());
    } catch (JOSEException e) {
      // Usually the key set could not be fetched: an operator's problem, so it goes to the log as well.
      LOG.warn("could not verify a bearer token: {}", e.getMessage());
      throw new AuthenticationException("The bearer token could not be verified");
    }
    Set<String> scopes = new LinkedHashSet<>(words(claims.getClaim("scope")));
    scopes.addAll(words(claims.getClaim("scp")));
    Object tenant = claims.getClaim(tenantClaim);
    return Optional.of(new Identity(claims.getSubject(), tenant == null ? null : tenant.toString(), scopes,
        Set.copyOf(words(claims.getClaim(rolesClaim)))));
  }

  @Override
  public Map<String, Map<String, Object>> securitySchemes() {
    return Map.of("bearerAuth", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"));
  }

  private static List<String> words(Object claim) {
    if (claim instanceof String text) {
      return List.of(text.trim().split("\\s+")).stream().filter(word -> !word.isEmpty()).toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** Builder of {@link JwtAuthenticator}. */
  public static final class Builder {
    private JWKSource<SecurityContext> keys;
    private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private String issuer;
    private String audience;
    private String tenantClaim = "tenant_id";
    private String rolesClaim = "roles";
    private boolean remoteKeys;

    private Builder() {
    }

    /** Verifies with the key set published at {@code url}, fetched when first needed and cached. */
    public Builder jwksUrl(String url) {
      try {
        URL parsed = URI.create(Objects.requireNonNull(url, "url == null")).toURL();
        this.keys = JWKSourceBuilder.create(parsed,
            new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_SIZE_LIMIT)).build();
        this.remoteKeys = true;
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("not a URL: " + url, e);
      }
      return this;
    }

    /** Verifies with one given key (public, or an HMAC secret with {@link #algorithms}). */
    public Builder key(JWK key) {
      this.keys = new ImmutableJWKSet<>(new JWKSet(Objects.requireNonNull(key, "key == null")));
      this.remoteKeys = false;
      return this;
    }

    /** The signature algorithms accepted; RS256 and ES256 by default. */
    public Builder algorithms(JWSAlgorithm... values) {
      this.algorithms = Set.of(values);
      return this;
    }

    public Builder issuer(String value) {
      this.issuer = value;
      return this;
    }

    public Builder audience(String value) {
      this.audience = value;
      return this;
    }

    public Builder tenantClaim(String value) {
      this.tenantClaim = Objects.requireNonNull(value, "tenantClaim == null");
      return this;
    }

    public Builder rolesClaim(String value) {
      this.rolesClaim = Objects.requireNonNull(value, "rolesClaim == null");
      return this;
    }

    public JwtAuthenticator build() {
      return new JwtAuthenticator(this);
    }
  }
}
