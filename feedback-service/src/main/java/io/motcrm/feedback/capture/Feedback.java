package io.motcrm.feedback.capture;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.motcrm.feedback.touchpoint.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One piece of feedback at a touchpoint. Scores are kept after erasure; text and customer link are not. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackType type;

    public Integer csat;

    public Integer nps;

    public Integer ces;

    public String text;

    @Column(name = "touchpoint_id", nullable = false)
    public UUID touchpointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(nullable = false)
    public boolean redacted;

    @Enumerated(EnumType.STRING)
    @Column(name = "suggestion_status")
    public SuggestionStatus suggestionStatus;

    @Column(name = "suggestion_response")
    public String suggestionResponse;

    @Column(name = "suggestion_updated_at")
    public Instant suggestionUpdatedAt;

    /** A detractor score: NPS 0-6 or CSAT 1-2. */
    public boolean detractor() {
        return (nps != null && nps <= 6) || (csat != null && csat <= 2);
    }

    public boolean opensCase() {
        return type == FeedbackType.COMPLAINT || detractor();
    }

    public static List<Feedback> ofCustomer(UUID customerId, int limit) {
        return find("customerId = ?1 order by submittedAt desc", customerId).page(0, limit).list();
    }
}
