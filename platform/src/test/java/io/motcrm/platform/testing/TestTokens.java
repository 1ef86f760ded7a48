package io.motcrm.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signed bearer tokens for tests, shaped like the {@code motcrm} realm's: realm roles under
 * {@code realm_access.roles}, {@code customer_id} / {@code partner_id} claims. They are signed with
 * {@code motcrm-test-signing-key.pem}, a key made for tests only; the services' test profile trusts its
 * public half ({@code %test.quarkus.oidc.public-key}) and issuer {@value #ISSUER}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://motcrm.test/realms/motcrm";

    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String bearer(String subject, Set<String> roles, Map<String, String> claims) {
        return "Bearer " + token(subject, roles, claims, Duration.ofMinutes(5));
    }

    public static String token(String subject, Set<String> roles, Map<String, String> claims, Duration validFor) {
        Instant now = Instant.now();
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now.minusSeconds(1))
                .expiresAt(now.plus(validFor));
        claims.forEach(builder::claim);
        return builder.sign(KEY);
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, Set<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).claim("realm_access", Map.of("roles", roles))
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(60)).sign(KEY);
    }

    /** The test signing key, for tests that build unusual tokens themselves. */
    public static PrivateKey signingKey() {
        return KEY;
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/motcrm-test-signing-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("motcrm-test-signing-key.pem is not on the test classpath");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }
}
