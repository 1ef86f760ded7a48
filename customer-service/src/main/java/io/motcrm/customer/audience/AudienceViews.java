package io.motcrm.customer.audience;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The API records of audiences and contacts. */
public final class AudienceViews {

    public static final int MAX_CONTACTS_PER_REQUEST = 1000;

    private AudienceViews() {
    }

    public record Entry(UUID customerId, String memberCode, int contactsInWindow) {
    }

    public record AudiencePage(UUID segmentId, MarketingChannel channel, int cap, String window, int page, int size,
            long totalItems, List<Entry> items) {
    }

    public record ContactRequest(@NotNull MarketingChannel channel, @NotBlank @Size(max = 100) String campaign,
            @NotEmpty @Size(max = MAX_CONTACTS_PER_REQUEST) List<@NotNull UUID> customerIds) {
    }

    public enum SkipReason {
        @com.fasterxml.jackson.annotation.JsonProperty("unknown-customer")
        UNKNOWN_CUSTOMER,
        @com.fasterxml.jackson.annotation.JsonProperty("erased")
        ERASED,
        @com.fasterxml.jackson.annotation.JsonProperty("no-consent")
        NO_CONSENT,
        @com.fasterxml.jackson.annotation.JsonProperty("cap-reached")
        CAP_REACHED
    }

    public record Skipped(UUID customerId, SkipReason reason) {
    }

    public record ContactResult(MarketingChannel channel, String campaign, Instant contactedAt, List<UUID> recorded,
            List<Skipped> skipped) {
    }

    public record ContactView(MarketingChannel channel, String campaign, Instant contactedAt) {
    }
}
