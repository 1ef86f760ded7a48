package io.motcrm.customer.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A customer's profile as the API shows it. */
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
        Instant createdAt,
        Instant updatedAt) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.memberCode, c.name, c.email, c.phone, c.birthDate, c.locale,
                c.preferredChannel, c.status, c.createdAt, c.updatedAt);
    }
}
