package io.motcrm.customer.consent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a customer consents to (DESIGN.md); the JSON names are part of the API. */
public enum Purpose {
    @JsonProperty("marketing_email")
    MARKETING_EMAIL,
    @JsonProperty("marketing_sms")
    MARKETING_SMS,
    @JsonProperty("marketing_push")
    MARKETING_PUSH,
    @JsonProperty("personalization")
    PERSONALIZATION,
    @JsonProperty("partner_sharing")
    PARTNER_SHARING
}
