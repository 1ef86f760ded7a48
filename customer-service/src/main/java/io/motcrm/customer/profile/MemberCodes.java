package io.motcrm.customer.profile;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Member codes: 10 symbols of Crockford's base32 alphabet (no I, L, O or U, so nothing reads as
 * another symbol), 9 random and a Luhn mod 32 check symbol that catches every single mistyped symbol
 * and most swapped neighbours. 32^9 (about 3.5e13) codes leave collisions rare; the caller retries them.
 */
public final class MemberCodes {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;
    private static final int BASE = ALPHABET.length();
    private static final RandomGenerator RANDOM = new SecureRandom();

    private MemberCodes() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(random.nextInt(BASE)));
        }
        return code.append(checkSymbol(code)).toString();
    }

    /** Whether a code, as typed (any case, O for 0, I and L for 1), is well-formed with a valid check symbol. */
    public static boolean isValid(String code) {
        String normal = normalise(code);
        return normal != null && normal.length() == LENGTH
                && checkSymbol(normal.substring(0, LENGTH - 1)) == normal.charAt(LENGTH - 1);
    }

    /** Upper case, hyphens and spaces removed, look-alikes mapped; null when a symbol is not in the alphabet. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        StringBuilder normal = new StringBuilder(code.length());
        for (char c : code.trim().toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (mapped == '-' || mapped == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(mapped) < 0) {
                return null;
            }
            normal.append(mapped);
        }
        return normal.toString();
    }

    /** Luhn mod N over the alphabet. */
    static char checkSymbol(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / BASE + addend % BASE;
        }
        return ALPHABET.charAt((BASE - sum % BASE) % BASE);
    }
}
