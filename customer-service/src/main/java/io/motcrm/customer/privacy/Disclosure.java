package io.motcrm.customer.privacy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.platform.problem.ProblemException;

/**
 * What a caller may see of a profile, and the record that they saw it. The customer sees their own in
 * full and is not logged; staff see contacts masked or not ({@link CallerAccess#seesContacts}) and
 * every staff read is logged with its section and purpose, before the answer leaves. Reads in the other
 * services arrive through their outboxes ({@link #receive}).
 */
@ApplicationScoped
public class Disclosure {

    @Inject
    CallerAccess access;

    @Inject
    Clock clock;

    @Transactional
    public CustomerView disclose(CustomerView view, String purpose, ProfileAccess.Action action) {
        if (!access.isStaff()) {
            return view;
        }
        boolean full = access.seesContacts(purpose);
        log(view.id(), action == ProfileAccess.Action.EXPORT ? ProfileAccess.EXPORT : ProfileAccess.PROFILE, purpose,
                action, full);
        return full ? view : view.withMaskedContacts();
    }

    @Transactional
    public List<CustomerView> discloseAll(List<CustomerView> views, String purpose, ProfileAccess.Action action) {
        return views.stream().map(v -> disclose(v, purpose, action)).toList();
    }

    /** Whether the current caller sees contacts in full, for documents built elsewhere (the export). */
    public boolean seesContacts(String purpose) {
        return access.seesContacts(purpose);
    }

    /**
     * Logs a staff read of one section other than the profile (purchases, insight); nothing for the
     * customer themselves. Call it once the read succeeded; the purpose was checked before.
     */
    @Transactional
    public void recordRead(UUID customerId, String section, String purpose) {
        if (access.isStaff()) {
            log(customerId, section, purpose, ProfileAccess.Action.READ, false);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void log(UUID customerId, String section, String purpose, ProfileAccess.Action action, boolean unmasked) {
        ProfileAccess entry = new ProfileAccess();
        entry.customerId = customerId;
        entry.accessedBy = access.name();
        entry.role = access.staffRole();
        entry.action = action;
        entry.section = section;
        entry.purpose = purpose.trim();
        entry.unmasked = unmasked;
        entry.accessedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
    }

    /**
     * A staff read in another service. The purpose of an erased customer's entry (or one the sender
     * redacted at erasure, null) is stored as {@value ProfileAccess#ERASED_PURPOSE}.
     */
    @Transactional
    public void receive(AccessRecordedEvent event) {
        Customer customer = Customer.findById(event.customerId());
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + event.customerId());
        }
        boolean erased = customer.status == CustomerStatus.ERASED || event.purpose() == null
                || event.purpose().isBlank();
        ProfileAccess entry = new ProfileAccess();
        entry.customerId = event.customerId();
        entry.accessedBy = event.accessedBy().strip();
        entry.role = event.role();
        entry.action = ProfileAccess.EXPORT.equals(event.section()) ? ProfileAccess.Action.EXPORT
                : ProfileAccess.Action.READ;
        entry.section = event.section();
        entry.purpose = erased ? ProfileAccess.ERASED_PURPOSE : event.purpose().strip();
        entry.unmasked = false;
        entry.accessedAt = event.accessedAt().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
    }

    /** The customer's access log, newest first. */
    public AccessRecord.Page accessLog(UUID customerId, int page, int size) {
        if (Customer.findById(customerId) == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        var query = ProfileAccess.<ProfileAccess> find("customerId = ?1 order by accessedAt desc, id desc", customerId);
        return new AccessRecord.Page(page, size, query.count(), query.page(page, size).list().stream()
                .map(AccessRecord::of).toList());
    }

    public List<AccessRecord> allAccesses(UUID customerId) {
        return ProfileAccess.<ProfileAccess> list("customerId = ?1 order by accessedAt, id", customerId).stream()
                .map(AccessRecord::of).toList();
    }
}
