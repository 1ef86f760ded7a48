package io.motcrm.customer.segment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.motcrm.customer.insight.LifecycleStage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The API records of segments. */
public final class SegmentViews {

    private SegmentViews() {
    }

    public record CreateRequest(@NotBlank @Size(max = 100) String name, @Valid @NotNull SegmentRule rule) {
    }

    @RegisterForReflection
    public record SegmentView(UUID id, String name, SegmentRule rule, String createdBy, Instant createdAt) {
    }

    public record SegmentPage(int page, int size, long totalItems, List<SegmentView> items) {
    }

    /** A member as campaigns and analysts see them: identifiers and insight, no contact details. */
    public record Member(UUID customerId, String memberCode, LifecycleStage lifecycleStage, Integer recencyScore,
            Integer frequencyScore, Integer monetaryScore, Instant lastPurchaseAt, long lifetimeValueMinor) {
    }

    public record MemberPage(UUID segmentId, int page, int size, long totalItems, List<Member> items) {
    }
}
