package io.motcrm.platform.privacy;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.platform.Persistence;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.motcrm.platform.security.Caller;
import io.motcrm.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Accounts for every staff read of a customer's personal data held outside customer-service: staff state
 * why in {@value #PURPOSE_HEADER}, and the read reaches the customer's access log through the outbox, in
 * the read's own transaction (a read that fails leaves no entry; one that succeeds always has one). A
 * customer reading their own data, and services, are not logged.
 */
@IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class StaffReads {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final int MAX_PURPOSE_LENGTH = 200;
    /** How the OpenAPI document describes {@value #PURPOSE_HEADER}. */
    public static final String PURPOSE_DESCRIPTION = "Staff only: why they read this customer's data, at most "
            + MAX_PURPOSE_LENGTH + " characters; recorded in the customer's access log";

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** 400 {@code access-purpose-required} for staff without a usable purpose; nothing for anyone else. */
    public void requirePurpose(String purpose) {
        if (caller.isStaff() && (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH)) {
            throw new ProblemException(CommonProblem.ACCESS_PURPOSE_REQUIRED,
                    "Send " + PURPOSE_HEADER + " with a short reason (at most " + MAX_PURPOSE_LENGTH + " characters)");
        }
    }

    /**
     * Records a staff read of {@code section} of the customer's data; checks the purpose first. Call it
     * once the read is known to succeed (the customer exists and the caller may see it).
     */
    @Transactional
    public void record(UUID customerId, String section, String purpose) {
        if (!caller.isStaff()) {
            return;
        }
        requirePurpose(purpose);
        outbox.enqueue(AccessRecorded.TARGET, AccessRecorded.PATH, AccessRecorded.AGGREGATE, customerId.toString(),
                new AccessRecorded(customerId, caller.name(), seniorRole(), section, purpose.strip(), clock.instant()));
    }

    private String seniorRole() {
        for (String role : new String[] { Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT }) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return Roles.AGENT;
    }
}
