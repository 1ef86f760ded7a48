package io.motcrm.customer.profile;

import io.motcrm.platform.problem.ProblemException;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.motcrm.customer.CustomerProblem;

/** Normalises contact details so that one address or number has one spelling, and rejects the invalid. */
public final class ContactDetails {

    private static final int MAX_EMAIL_LENGTH = 254;
    /** Deliberately plain: a local part, an @, and a domain with a dot, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /** E.164: a country code that does not start with 0, at most 15 digits in all; 8 at least in practice. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().\\-/]");

    private ContactDetails() {
    }

    /** Trimmed and lower-case; null stays null. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()
                || email.startsWith(".") || email.contains("..") || email.indexOf('@') > 0
                        && email.charAt(email.indexOf('@') - 1) == '.') {
            throw ProblemException.forField(CustomerProblem.INVALID_EMAIL, "email", "is not a valid email address");
        }
        return email;
    }

    /**
     * International format only: spaces, dots, hyphens, slashes and brackets dropped, a leading 00
     * read as +; the result must be + and 8 to 15 digits. Null stays null.
     */
    public static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String phone = PHONE_SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (phone.startsWith("00")) {
            phone = "+" + phone.substring(2);
        }
        if (!E164.matcher(phone).matches()) {
            throw ProblemException.forField(CustomerProblem.INVALID_PHONE, "phone",
                    "must be an international number: + and country code, 8 to 15 digits");
        }
        return phone;
    }

    /** A BCP 47 language tag in its canonical form (e.g. ko-KR); null stays null. */
    public static String locale(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(raw.trim()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ProblemException.forField(CustomerProblem.INVALID_LOCALE, "locale",
                    "must be a language tag such as ko-KR");
        }
    }

    /** Trimmed, inner runs of white space collapsed. */
    public static String name(String raw) {
        return raw == null ? null : raw.trim().replaceAll("\\s+", " ");
    }
}
