package io.motcrm.customer.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.referral.Referrals;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;

/** Sign-up, reading, changing and finding customer profiles. */
@ApplicationScoped
public class Customers {

    private static final int MEMBER_CODE_ATTEMPTS = 5;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Referrals referrals;

    /**
     * Creates the profile and, in the same transaction, the outbox message that opens the customer's
     * points account in loyalty-service.
     */
    @Transactional
    public CustomerView signUp(UUID id, SignUpRequest request) {
        String email = ContactDetails.email(request.email());
        String phone = ContactDetails.phone(request.phone());
        if (email == null && phone == null) {
            throw new ProblemException(CustomerProblem.CONTACT_REQUIRED, "Give an email address or a phone number");
        }
        if (Customer.findById(id) != null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_EXISTS, "Customer " + id + " already has a profile");
        }
        checkContactsFree(email, phone, id);

        Instant now = now();
        Customer customer = new Customer();
        customer.id = id;
        customer.memberCode = newMemberCode();
        customer.referralCode = referrals.newCode();
        customer.name = ContactDetails.name(request.name());
        customer.email = email;
        customer.phone = phone;
        customer.birthDate = request.birthDate();
        customer.locale = ContactDetails.locale(request.locale());
        customer.preferredChannel = request.preferredChannel();
        customer.status = CustomerStatus.ACTIVE;
        customer.createdAt = now;
        customer.updatedAt = now;
        persistChecked(customer);
        if (request.referralCode() != null && !request.referralCode().isBlank()) {
            referrals.link(id, request.referralCode());
        }

        outbox.enqueue(CustomerRegistered.TARGET, CustomerRegistered.PATH, "customer", id.toString(),
                new CustomerRegistered(id, customer.memberCode, now));
        Log.infof("Customer %s signed up", id);
        return CustomerView.of(customer);
    }

    public CustomerView get(UUID id) {
        return CustomerView.of(find(id));
    }

    @Transactional
    public CustomerView update(UUID id, CustomerPatch patch) {
        Customer customer = find(id);
        if (customer.status == CustomerStatus.ERASED) {
            throw new ProblemException(CustomerProblem.CUSTOMER_ERASED, "An erased profile cannot be changed");
        }
        String email = ContactDetails.email(patch.email());
        String phone = ContactDetails.phone(patch.phone());
        checkContactsFree(email, phone, id);
        if (patch.name() != null) {
            customer.name = ContactDetails.name(patch.name());
        }
        if (email != null) {
            customer.email = email;
        }
        if (phone != null) {
            customer.phone = phone;
        }
        if (patch.birthDate() != null) {
            customer.birthDate = patch.birthDate();
        }
        if (patch.locale() != null) {
            customer.locale = ContactDetails.locale(patch.locale());
        }
        if (patch.preferredChannel() != null) {
            customer.preferredChannel = patch.preferredChannel();
        }
        customer.updatedAt = now();
        persistChecked(customer);
        return CustomerView.of(customer);
    }

    /** Index-backed: member code and contacts by their unique indexes, names by the prefix index. */
    public CustomerPage search(CustomerSearch search, int page, int size) {
        if (search.isEmpty()) {
            throw new ProblemException(CustomerProblem.SEARCH_FILTER_REQUIRED,
                    "Give memberCode, email, phone or namePrefix");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!CustomerSearch.blank(search.memberCode())) {
            String code = MemberCodes.normalise(search.memberCode());
            if (code == null || !MemberCodes.isValid(code)) {
                return new CustomerPage(page, size, 0, List.of());
            }
            where.add("memberCode = :memberCode");
            params.put("memberCode", code);
        }
        if (!CustomerSearch.blank(search.email())) {
            where.add("email = :email and " + Customer.ACTIVE);
            params.put("email", ContactDetails.email(search.email()));
        }
        if (!CustomerSearch.blank(search.phone())) {
            where.add("phone = :phone and " + Customer.ACTIVE);
            params.put("phone", ContactDetails.phone(search.phone()));
        }
        if (!CustomerSearch.blank(search.namePrefix())) {
            where.add("lower(name) like :namePrefix escape '\\'");
            params.put("namePrefix", likePrefix(ContactDetails.name(search.namePrefix()).toLowerCase(Locale.ROOT)));
        }
        var query = Customer.<Customer> find(String.join(" and ", where) + " order by lower(name), id", params);
        long total = query.count();
        List<CustomerView> items = query.page(page, size).list().stream().map(CustomerView::of).toList();
        return new CustomerPage(page, size, total, items);
    }

    public static Customer find(UUID id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + id);
        }
        return customer;
    }

    private void checkContactsFree(String email, String phone, UUID id) {
        if (Customer.emailTaken(email, id)) {
            throw emailTaken();
        }
        if (Customer.phoneTaken(phone, id)) {
            throw phoneTaken();
        }
    }

    private String newMemberCode() {
        for (int attempt = 0; attempt < MEMBER_CODE_ATTEMPTS; attempt++) {
            String code = MemberCodes.generate();
            if (!Customer.memberCodeExists(code)) {
                return code;
            }
            Log.warnf("Member code collision, attempt %d", attempt + 1);
        }
        throw new IllegalStateException("No free member code after " + MEMBER_CODE_ATTEMPTS + " attempts");
    }

    /**
     * Writes now, so that a concurrent request that took the same email or phone since the check above
     * is answered 409 like the check's, not 500. The transaction is rolled back either way.
     */
    private static void persistChecked(Customer customer) {
        try {
            customer.persist();
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            String constraint = e instanceof ConstraintViolationException violation ? violation.getConstraintName()
                    : e.getCause() instanceof ConstraintViolationException violation ? violation.getConstraintName()
                            : null;
            if (constraint == null) {
                throw e;
            }
            throw switch (constraint) {
                case "customer_email_active" -> emailTaken();
                case "customer_phone_active" -> phoneTaken();
                case "customer_pkey" -> new ProblemException(CustomerProblem.CUSTOMER_EXISTS,
                        "Customer " + customer.id + " already has a profile");
                case "customer_member_code", "customer_referral_code" -> new ProblemException(CommonProblem.CONFLICT,
                        "A concurrent sign-up took the same code; retry the request");
                default -> e;
            };
        }
    }

    private static ProblemException emailTaken() {
        return new ProblemException(CustomerProblem.EMAIL_TAKEN, "The email address belongs to another customer");
    }

    private static ProblemException phoneTaken() {
        return new ProblemException(CustomerProblem.PHONE_TAKEN, "The phone number belongs to another customer");
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; what the API returns now is what it will read back later.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
