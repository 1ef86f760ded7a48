package io.motcrm.feedback.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.feedback.FeedbackConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;

/**
 * Signs and checks the tokens of touchpoints' public links: {@code base64url(code).base64url(HMAC-SHA256)}
 * over the touchpoint code with the configured secret, so that anonymous feedback can only name a
 * touchpoint the company published a link for.
 */
@ApplicationScoped
public class TouchpointTokens {

    static final String DEV_SECRET = "local-dev-only-touchpoint-secret-change-me";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    FeedbackConfig config;

    @PostConstruct
    void warnOnDevSecret() {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_SECRET.equals(config.publicLinks().secret())) {
            Log.warn("motcrm.feedback.public-links.secret is the local-development default; set MOTCRM_FEEDBACK_PUBLIC_LINKS_SECRET");
        }
    }

    public String sign(String touchpointCode) {
        String payload = ENCODER.encodeToString(touchpointCode.getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac("touchpoint:" + touchpointCode));
    }

    /** The touchpoint code a token was signed for, if the signature is valid. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String code = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac("touchpoint:" + code)) ? Optional.of(code) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
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
