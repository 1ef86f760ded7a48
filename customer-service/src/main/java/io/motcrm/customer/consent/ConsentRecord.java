package io.motcrm.customer.consent;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One consent event as the history shows it. */
@RegisterForReflection
@Schema(requiredProperties = { "id", "purpose", "granted", "occurredAt", "channel", "policyVersion" })
public record ConsentRecord(long id, Purpose purpose, boolean granted, Instant occurredAt, SourceChannel channel,
        String policyVersion) {

    static ConsentRecord of(ConsentEvent e) {
        return new ConsentRecord(e.id, e.purpose, e.granted, e.occurredAt, e.channel, e.policyVersion);
    }
}
