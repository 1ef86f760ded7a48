package io.motcrm.customer.audience;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.customer.segment.SegmentCompiler;
import io.motcrm.customer.segment.Segments;
import io.quarkus.logging.Log;

/**
 * Who a campaign may contact: the segment's members who consent to the channel (their latest consent
 * event for its purpose is a grant) and were contacted fewer than {@code cap} times, on any channel, in
 * the last {@code window}. Recording contacts re-checks both under the customer's row lock, so two
 * campaigns racing for the same customer cannot together pass the cap.
 */
@ApplicationScoped
public class Audiences {

    static final String CONSENTED = """
             and (select e.granted from consent_event e
                  where e.customer_id = c.id and e.purpose = :purpose
                  order by e.occurred_at desc, e.id desc limit 1) is true""";
    static final String CONTACTS = """
            (select count(*) from marketing_contact mc where mc.customer_id = c.id and mc.contacted_at > :since)""";

    @Inject
    Segments segments;

    @Inject
    EntityManager entityManager;

    @Inject
    AudienceConfig config;

    @Inject
    Clock clock;

    @SuppressWarnings("unchecked")
    public AudienceViews.AudiencePage audience(UUID segmentId, MarketingChannel channel, int page, int size) {
        SegmentCompiler.Compiled segment = segments.condition(segmentId);
        Instant since = clock.instant().minus(config.window());
        String where = Segments.POPULATION + segment.where() + CONSENTED + " and " + CONTACTS + " < :cap";
        Query count = bind(entityManager.createNativeQuery("select count(*) " + where), segment, channel, since);
        Query select = bind(entityManager.createNativeQuery(
                "select c.id, c.member_code, " + CONTACTS + " " + where + " order by c.id limit :limit offset :offset"),
                segment, channel, since)
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        List<Object[]> rows = select.getResultList();
        return new AudienceViews.AudiencePage(segmentId, channel, config.cap(), config.window().toString(), page, size,
                ((Number) count.getSingleResult()).longValue(),
                rows.stream().map(r -> new AudienceViews.Entry((UUID) r[0], (String) r[1], ((Number) r[2]).intValue()))
                        .toList());
    }

    /** Records a contact with each customer who may be contacted now; reports the others and why. */
    @Transactional
    public AudienceViews.ContactResult record(AudienceViews.ContactRequest request, String recordedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant since = now.minus(config.window());
        List<UUID> recorded = new ArrayList<>();
        List<AudienceViews.Skipped> skipped = new ArrayList<>();
        // Locks in id order, so concurrent requests over overlapping customers cannot deadlock.
        for (UUID customerId : new LinkedHashSet<>(request.customerIds().stream().sorted().toList())) {
            Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
            AudienceViews.SkipReason reason = customer == null ? AudienceViews.SkipReason.UNKNOWN_CUSTOMER
                    : customer.status != CustomerStatus.ACTIVE ? AudienceViews.SkipReason.ERASED
                            : !consents(customerId, request.channel()) ? AudienceViews.SkipReason.NO_CONSENT
                                    : contactsSince(customerId, since) >= config.cap()
                                            ? AudienceViews.SkipReason.CAP_REACHED
                                            : null;
            if (reason != null) {
                skipped.add(new AudienceViews.Skipped(customerId, reason));
                continue;
            }
            MarketingContact contact = new MarketingContact();
            contact.customerId = customerId;
            contact.channel = request.channel();
            contact.campaign = request.campaign().trim();
            contact.contactedAt = now;
            contact.recordedBy = recordedBy;
            contact.persist();
            recorded.add(customerId);
        }
        Log.infof("Campaign contacts on %s: %d recorded, %d skipped", request.channel(), recorded.size(), skipped.size());
        return new AudienceViews.ContactResult(request.channel(), request.campaign().trim(), now, recorded, skipped);
    }

    public List<AudienceViews.ContactView> contacts(UUID customerId) {
        return MarketingContact.of(customerId).stream()
                .map(c -> new AudienceViews.ContactView(c.channel, c.campaign, c.contactedAt)).toList();
    }

    private boolean consents(UUID customerId, MarketingChannel channel) {
        Object granted = entityManager.createNativeQuery("""
                select e.granted from consent_event e where e.customer_id = :id and e.purpose = :purpose
                order by e.occurred_at desc, e.id desc limit 1""")
                .setParameter("id", customerId).setParameter("purpose", channel.consent.name())
                .getResultStream().findFirst().orElse(Boolean.FALSE);
        return Boolean.TRUE.equals(granted);
    }

    private long contactsSince(UUID customerId, Instant since) {
        return MarketingContact.count("customerId = ?1 and contactedAt > ?2", customerId, since);
    }

    private Query bind(Query query, SegmentCompiler.Compiled segment, MarketingChannel channel, Instant since) {
        Segments.bind(query, segment.parameters());
        return query.setParameter("purpose", channel.consent.name()).setParameter("since", since)
                .setParameter("cap", config.cap());
    }
}
