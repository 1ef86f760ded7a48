package io.motcrm.customer.consent;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The current consent for one purpose: that of the latest event, or not granted when there is none
 * (then {@code occurredAt}, {@code channel} and {@code policyVersion} are null). {@code occurredAt} is the
 * time of that event, named as in the history ({@link ConsentRecord}).
 */
@Schema(requiredProperties = { "purpose", "granted" })
public record ConsentState(Purpose purpose, boolean granted, Instant occurredAt, SourceChannel channel,
        String policyVersion) {
}
