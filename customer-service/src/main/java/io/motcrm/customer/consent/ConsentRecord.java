package io.motcrm.customer.consent;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One consent event as the history shows it. */
@RegisterForReflection
public record ConsentRecord(long id, Purpose purpose, boolean granted, Instant occurredAt, SourceChannel channel,
        String policyVersion) {

    static ConsentRecord of(ConsentEvent e) {
        return new ConsentRecord(e.id, e.purpose, e.granted, e.occurredAt, e.channel, e.policyVersion);
    }
}
