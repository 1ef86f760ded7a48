package io.motcrm.customer.consent;

import java.time.Instant;

/**
 * The current consent for one purpose: that of the latest event, or not granted when there is none
 * (then {@code changedAt}, {@code channel} and {@code policyVersion} are null).
 */
public record ConsentState(Purpose purpose, boolean granted, Instant changedAt, SourceChannel channel,
        String policyVersion) {
}
