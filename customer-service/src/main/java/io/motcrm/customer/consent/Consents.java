package io.motcrm.customer.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.ProblemException;

/**
 * Consent per purpose: events are appended, the current state is derived from them. Every change of
 * {@code partner_sharing} is told to loyalty-service ({@link ConsentChanged}) in the same transaction.
 */
@ApplicationScoped
public class Consents {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public ConsentRecord record(UUID customerId, ConsentRequest request, String recordedBy) {
        // The lock orders concurrent changes of one customer's consents, so "latest" is well defined.
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        if (customer.status == CustomerStatus.ERASED) {
            throw new ProblemException(CustomerProblem.CUSTOMER_ERASED, "An erased customer cannot give consent");
        }
        ConsentEvent event = new ConsentEvent();
        event.customerId = customerId;
        event.purpose = request.purpose();
        event.granted = request.granted();
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.channel = request.channel();
        event.policyVersion = request.policyVersion().trim();
        event.recordedBy = recordedBy;
        event.persistAndFlush();
        if (event.purpose == Purpose.PARTNER_SHARING) {
            announce(customerId, event.granted, event.occurredAt);
        }
        return ConsentRecord.of(event);
    }

    /**
     * Withdraws every consent currently granted (erasure): appends a withdrawal per purpose, the history
     * stays, and tells loyalty-service that partner sharing is withdrawn, granted before or not. Runs in
     * the caller's transaction, which holds the customer's row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawAll(UUID customerId, SourceChannel channel, String policyVersion, String recordedBy) {
        int withdrawn = 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        announce(customerId, false, now);
        for (ConsentState state : current(customerId)) {
            if (!state.granted()) {
                continue;
            }
            ConsentEvent event = new ConsentEvent();
            event.customerId = customerId;
            event.purpose = state.purpose();
            event.granted = false;
            event.occurredAt = now;
            event.channel = channel;
            event.policyVersion = policyVersion;
            event.recordedBy = recordedBy;
            event.persist();
            withdrawn++;
        }
        return withdrawn;
    }

    private void announce(UUID customerId, boolean granted, Instant at) {
        outbox.enqueue(ConsentChanged.TARGET, ConsentChanged.PATH, "customer", customerId.toString(),
                new ConsentChanged(customerId, Purpose.PARTNER_SHARING, granted, at));
    }

    /** One entry per purpose, in the order of {@link Purpose}. */
    public List<ConsentState> current(UUID customerId) {
        requireCustomer(customerId);
        Map<Purpose, ConsentEvent> latest = new EnumMap<>(Purpose.class);
        for (ConsentEvent event : ConsentEvent.history(customerId)) {
            latest.put(event.purpose, event);
        }
        List<ConsentState> states = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            ConsentEvent event = latest.get(purpose);
            states.add(event == null ? new ConsentState(purpose, false, null, null, null)
                    : new ConsentState(purpose, event.granted, event.occurredAt, event.channel, event.policyVersion));
        }
        return states;
    }

    /** Oldest first. */
    public List<ConsentRecord> history(UUID customerId) {
        requireCustomer(customerId);
        return ConsentEvent.history(customerId).stream().map(ConsentRecord::of).toList();
    }

    private static void requireCustomer(UUID customerId) {
        if (Customer.findById(customerId) == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
    }
}
