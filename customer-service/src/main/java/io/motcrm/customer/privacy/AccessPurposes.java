package io.motcrm.customer.privacy;

import java.util.List;
import java.util.Locale;

/**
 * The stated purposes for which an agent sees a customer's email and phone in full. An agent's
 * {@code X-Access-Purpose} unmasks contacts when it is one of these codes, alone or followed by a colon
 * and a note (e.g. {@code callback: case 4711}); any other purpose is recorded as given and the
 * contacts are masked. Supervisors and admins always see contacts in full. Every read is logged with
 * whether it was unmasked.
 */
public final class AccessPurposes {

    /** Calling or messaging the customer back (e.g. a call-back request on a case). */
    public static final String CALLBACK = "callback";
    /** Arranging or fixing a delivery with the customer. */
    public static final String DELIVERY = "delivery";
    /** Checking the contact details the customer gives on the phone or in a store. */
    public static final String CONTACT_VERIFICATION = "contact-verification";
    /** Handling the customer's own privacy request (access, correction, export, erasure). */
    public static final String PRIVACY_REQUEST = "privacy-request";

    public static final List<String> UNMASKING = List.of(CALLBACK, DELIVERY, CONTACT_VERIFICATION, PRIVACY_REQUEST);
    /** For the API description. */
    public static final String DESCRIPTION = "Agents see email and phone masked unless X-Access-Purpose is one of "
            + CALLBACK + ", " + DELIVERY + ", " + CONTACT_VERIFICATION + ", " + PRIVACY_REQUEST
            + ", alone or followed by ': note' (e.g. 'callback: case 4711'); supervisors and admins see them in full.";

    private AccessPurposes() {
    }

    public static boolean unmasks(String purpose) {
        if (purpose == null) {
            return false;
        }
        String normal = purpose.trim().toLowerCase(Locale.ROOT);
        int colon = normal.indexOf(':');
        String code = (colon < 0 ? normal : normal.substring(0, colon)).trim();
        return UNMASKING.contains(code);
    }
}
