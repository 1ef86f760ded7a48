package io.motcrm.customer.profile;

/** Staff search filters; each one given must match. */
public record CustomerSearch(String memberCode, String email, String phone, String namePrefix) {

    boolean isEmpty() {
        return blank(memberCode) && blank(email) && blank(phone) && blank(namePrefix);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
