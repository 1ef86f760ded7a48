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
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.platform.problem.ProblemException;

/**
 * What a caller may see of a profile, and the record that they saw it. The customer sees their own in
 * full and is not logged; staff see contacts masked or not ({@link CallerAccess#seesContacts}) and
 * every staff read is logged with its purpose, before the answer leaves.
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
        log(view.id(), purpose, action, full);
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void log(UUID customerId, String purpose, ProfileAccess.Action action, boolean unmasked) {
        ProfileAccess entry = new ProfileAccess();
        entry.customerId = customerId;
        entry.accessedBy = access.name();
        entry.role = access.staffRole();
        entry.action = action;
        entry.purpose = purpose.trim();
        entry.unmasked = unmasked;
        entry.accessedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
