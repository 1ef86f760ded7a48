package io.motcrm.feedback.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.feedback.FeedbackConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;

/**
 * Signs and checks the tokens of touchpoints' public links: {@code base64url(code:version:expiry).base64url(HMAC)}
 * with the configured secret, where {@code version} is the touchpoint's link version when the link was
 * issued and {@code expiry} the epoch second it stops working. Anonymous feedback can so only name a
 * touchpoint the company published a link for, and only while the link is current. Tokens issued before
 * versions and expiries ({@code base64url(code).base64url(HMAC)}) are still recognised, as {@link Legacy}.
 */
@ApplicationScoped
public class TouchpointTokens {

    static final String DEV_SECRET = "local-dev-only-touchpoint-secret-change-me";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 400;

    /** What a token says, once its signature is checked. */
    public sealed interface Verdict {
    }

    /** Signed by us, not expired: the touchpoint and the link version it was issued with. */
    public record Valid(String touchpointCode, int version, Instant expiresAt) implements Verdict {
    }

    /** Signed by us, but past its expiry. */
    public record Expired(String touchpointCode, Instant expiredAt) implements Verdict {
    }

    /** Signed by us before links had versions and expiries. */
    public record Legacy(String touchpointCode) implements Verdict {
    }

    /** Not a token we signed. */
    public record Invalid() implements Verdict {
    }

    @Inject
    FeedbackConfig config;

    @PostConstruct
    void warnOnDevSecret() {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_SECRET.equals(config.publicLinks().secret())) {
            Log.warn("motcrm.feedback.public-links.secret is the local-development default; set MOTCRM_FEEDBACK_PUBLIC_LINKS_SECRET");
        }
    }

    /** A token for the touchpoint's link {@code version}, working until {@code expiresAt} (to the second). */
    public String sign(String touchpointCode, int version, Instant expiresAt) {
        String claims = touchpointCode + ":" + version + ":" + expiresAt.getEpochSecond();
        return ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac("link:" + claims));
    }

    /** What the token says at {@code now}. */
    public Verdict verify(String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) {
            return new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Invalid();
        }
        try {
            String claims = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            String[] parts = claims.split(":", -1);
            if (parts.length == 1) {
                return MessageDigest.isEqual(signature, mac("touchpoint:" + claims)) ? new Legacy(claims) : new Invalid();
            }
            if (parts.length != 3 || !MessageDigest.isEqual(signature, mac("link:" + claims))) {
                return new Invalid();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return now.isBefore(expiresAt) ? new Valid(parts[0], Integer.parseInt(parts[1]), expiresAt)
                    : new Expired(parts[0], expiresAt);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new Invalid();
        }
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.publicLinks().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
