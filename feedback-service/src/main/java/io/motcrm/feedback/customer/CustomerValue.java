package io.motcrm.feedback.customer;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What customer-service says a customer is worth: lifecycle stage and lifetime value (minor units). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerValue(UUID customerId, String lifecycleStage, Long lifetimeValueMinor) {
}
