package io.motcrm.customer.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log as the customer sees it: {@code section} is what was read (profile,
 * purchases, insight, export, or another service's: points, cases, feedback...); {@code purpose} is as
 * stated, or {@value ProfileAccess#ERASED_PURPOSE} / {@value ProfileAccess#EXPIRED_PURPOSE}.
 */
public record AccessRecord(long id, String accessedBy, String role, ProfileAccess.Action action, String section,
        String purpose, boolean unmasked, Instant accessedAt) {

    static AccessRecord of(ProfileAccess a) {
        return new AccessRecord(a.id, a.accessedBy, a.role, a.action, a.section, a.purpose, a.unmasked, a.accessedAt);
    }

    /** Newest first; {@code page} counts from 0. */
    public record Page(int page, int size, long totalItems, List<AccessRecord> items) {
    }
}
