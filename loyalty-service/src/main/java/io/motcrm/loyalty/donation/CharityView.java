package io.motcrm.loyalty.donation;

import java.time.Instant;

public record CharityView(String id, String name, Charity.Status status, Instant createdAt) {

    static CharityView of(Charity charity) {
        return new CharityView(charity.id, charity.name, charity.status, charity.createdAt);
    }
}
