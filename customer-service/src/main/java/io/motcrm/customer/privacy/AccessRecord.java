package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.List;

/** One entry of the access log as the customer sees it. */
public record AccessRecord(long id, String accessedBy, String role, ProfileAccess.Action action, String purpose,
        boolean unmasked, Instant accessedAt) {

    static AccessRecord of(ProfileAccess a) {
        return new AccessRecord(a.id, a.accessedBy, a.role, a.action, a.purpose, a.unmasked, a.accessedAt);
    }

    /** Newest first; {@code page} counts from 0. */
    public record Page(int page, int size, long totalItems, List<AccessRecord> items) {
    }
}
