package io.motcrm.loyalty.donation;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record CharityView(String id, String name, Charity.Status status, Instant createdAt) {

    static CharityView of(Charity charity) {
        return new CharityView(charity.id, charity.name, charity.status, charity.createdAt);
    }
}
