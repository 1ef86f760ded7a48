package io.motcrm.platform.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read only from the verified token: a customer's id from the {@value #CUSTOMER_ID}
 * claim, a partner's from {@value #PARTNER_ID}. A role without its claim gives no identity, so a
 * customer token lacking {@code customer_id} reaches no customer's data. Headers never count.
 */
@RequestScoped
public class Caller {

    public static final String CUSTOMER_ID = "customer_id";
    public static final String PARTNER_ID = "partner_id";

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(identity::hasRole);
    }

    /** The signed-in customer's id, when the caller holds the customer role and the claim. */
    public Optional<UUID> customerId() {
        if (!identity.hasRole(Roles.CUSTOMER)) {
            return Optional.empty();
        }
        return claim(CUSTOMER_ID).flatMap(Caller::parseUuid);
    }

    /**
     * The signed-in customer's own id, for the routes under {@code /api/v1/me}: a token that names no customer
     * (no customer role, or no {@code customer_id} claim) gets 403.
     */
    public UUID requireCustomerId() {
        return customerId().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN, "The token names no customer"));
    }

    /** The calling partner's id, when the caller holds the partner role and the claim. */
    public Optional<String> partnerId() {
        if (!identity.hasRole(Roles.PARTNER)) {
            return Optional.empty();
        }
        return claim(PARTNER_ID);
    }

    /** The name to record in audit trails and ownership fields: the token's user or client name. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isCustomer(UUID customerId) {
        return customerId().filter(customerId::equals).isPresent();
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
