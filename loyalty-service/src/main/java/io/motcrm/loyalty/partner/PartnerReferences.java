package io.motcrm.loyalty.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.loyalty.LoyaltyConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;

/**
 * The pseudonymous reference a partner knows a customer by: {@code pr_} and 24 base32 characters of
 * HMAC-SHA256(key, partner id, customer id). Stable for one partner, different at every other, and not
 * reversible without the key, so partners cannot link one customer across companies. Nothing is stored: it
 * is computed when an answer is made, and an erased customer's account gives none.
 */
@ApplicationScoped
public class PartnerReferences {

    public static final String PREFIX = "pr_";
    static final String DEV_KEY = "local-dev-only-partner-reference-key-change-me";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 15 bytes of the MAC: 120 bits, 24 base32 characters. */
    private static final int BYTES = 15;

    @Inject
    LoyaltyConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        if (config.partnerReferenceKey().isBlank()) {
            throw new IllegalStateException("motcrm.loyalty.partner-reference-key is empty");
        }
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_KEY.equals(config.partnerReferenceKey())) {
            Log.warn("motcrm.loyalty.partner-reference-key is the local-development default; "
                    + "set MOTCRM_LOYALTY_PARTNER_REFERENCE_KEY");
        }
        key = new SecretKeySpec(config.partnerReferenceKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String partnerId, UUID customerId) {
        byte[] mac = mac("partner-reference\n" + partnerId + "\n" + customerId);
        return PREFIX + base32(mac, BYTES);
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32 (lower case, no padding) of the first {@code length} bytes; length a multiple of 5. */
    static String base32(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length * 8 / 5);
        for (int i = 0; i < length; i += 5) {
            long group = 0;
            for (int j = 0; j < 5; j++) {
                group = (group << 8) | (bytes[i + j] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                text.append(BASE32[(int) ((group >>> shift) & 31)]);
            }
        }
        return text.toString();
    }
}
