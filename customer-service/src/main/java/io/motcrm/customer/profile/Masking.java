package io.motcrm.customer.profile;

/** How contact details look to staff who may not see them in full. */
public final class Masking {

    private Masking() {
    }

    /** The first symbol of the local part and the domain: {@code m***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** The country code's first digits and the last four: {@code +82******5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
