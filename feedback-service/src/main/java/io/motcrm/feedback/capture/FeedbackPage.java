package io.motcrm.feedback.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.motcrm.platform.web.PageCursor;
import io.motcrm.feedback.cases.CaseStatus;

/** One page of feedback, newest first; {@code nextCursor} is null on the last page. */
@Schema(name = "FeedbackPage", description = "Feedback, newest first; pass `nextCursor` as `after` for the next page")
public record FeedbackPage(
        @Schema(required = true) List<FeedbackView> items,
        @Schema(description = "Pass as 'after' for the next page; null on the last page") String nextCursor) {

    /** What a list of feedback is narrowed to; null fields do not narrow it. */
    public record Filter(UUID customerId, FeedbackType type, UUID touchpointId, SuggestionStatus suggestionStatus,
            CaseStatus caseStatus, Instant from, Instant to, String text) {

        public static Filter ofCustomer(UUID customerId) {
            return new Filter(customerId, null, null, null, null, null, null, null);
        }
    }

    /** Newest first (time, then id), up to {@code limit} after the cursor, keyset-paged. */
    static List<Feedback> find(Filter filter, PageCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.customerId() != null) {
            where.add("f.customerId = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.type() != null) {
            where.add("f.type = :type");
            params.put("type", filter.type());
        }
        if (filter.touchpointId() != null) {
            where.add("f.touchpointId = :touchpoint");
            params.put("touchpoint", filter.touchpointId());
        }
        if (filter.suggestionStatus() != null) {
            where.add("f.suggestionStatus = :suggestion");
            params.put("suggestion", filter.suggestionStatus());
        }
        if (filter.caseStatus() != null) {
            where.add("exists (select 1 from SupportCase c where c.feedbackId = f.id and c.status = :caseStatus)");
            params.put("caseStatus", filter.caseStatus());
        }
        if (filter.from() != null) {
            where.add("f.submittedAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("f.submittedAt < :to");
            params.put("to", filter.to());
        }
        if (filter.text() != null) {
            where.add("lower(f.text) like :text escape '\\'");
            params.put("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            where.add("(f.submittedAt < :afterAt or (f.submittedAt = :afterAt and f.id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        String query = "from Feedback f" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by f.submittedAt desc, f.id desc";
        return Feedback.find(query, params).page(0, limit + 1).list();
    }

    static FeedbackPage of(List<Feedback> found, int limit, List<FeedbackView> views) {
        if (found.size() <= limit) {
            return new FeedbackPage(views, null);
        }
        Feedback last = found.get(limit - 1);
        return new FeedbackPage(views.subList(0, limit), new PageCursor(last.submittedAt, last.id).encode());
    }
}
