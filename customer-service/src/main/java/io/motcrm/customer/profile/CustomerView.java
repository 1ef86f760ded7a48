package io.motcrm.customer.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's profile as the API shows it. */
@RegisterForReflection
@Schema(requiredProperties = { "id", "name", "status", "contactsMasked", "createdAt", "updatedAt" })
public record CustomerView(
        UUID id,
        String memberCode,
        String name,
        String email,
        String phone,
        LocalDate birthDate,
        String locale,
        PreferredChannel preferredChannel,
        CustomerStatus status,
        String referralCode,
        /** True when email and phone are masked for this caller (see X-Access-Purpose). */
        boolean contactsMasked,
        Instant createdAt,
        Instant updatedAt) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.memberCode, c.name, c.email, c.phone, c.birthDate, c.locale,
                c.preferredChannel, c.status, c.referralCode, false, c.createdAt, c.updatedAt);
    }

    /** The same profile with email and phone masked, e.g. {@code m***@example.com}, {@code +82******5678}. */
    public CustomerView withMaskedContacts() {
        return new CustomerView(id, memberCode, name, Masking.email(email), Masking.phone(phone), birthDate, locale,
                preferredChannel, status, referralCode, true, createdAt, updatedAt);
    }
}
