package io.motcrm.customer.consent;

import java.time.Instant;

/** One consent event as the history shows it. */
public record ConsentRecord(long id, Purpose purpose, boolean granted, Instant occurredAt, SourceChannel channel,
        String policyVersion) {

    static ConsentRecord of(ConsentEvent e) {
        return new ConsentRecord(e.id, e.purpose, e.granted, e.occurredAt, e.channel, e.policyVersion);
    }
}
