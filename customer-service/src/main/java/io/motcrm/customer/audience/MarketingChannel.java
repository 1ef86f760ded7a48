package io.motcrm.customer.audience;

import io.motcrm.customer.consent.Purpose;

/** A channel campaigns contact customers on, and the consent it needs. */
public enum MarketingChannel {
    EMAIL(Purpose.MARKETING_EMAIL), SMS(Purpose.MARKETING_SMS), PUSH(Purpose.MARKETING_PUSH);

    public final Purpose consent;

    MarketingChannel(Purpose consent) {
        this.consent = consent;
    }
}
