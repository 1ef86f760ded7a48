package io.motcrm.customer.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's profile. Email and phone are stored normalised (see {@link ContactDetails}). */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * Null once erased: the code is then retired (its SHA-256 in {@code retired_member_code}) and never
     * issued again.
     */
    @Column(name = "member_code")
    public String memberCode;

    /** The code this customer gives to friends; null once erased. */
    @Column(name = "referral_code")
    public String referralCode;

    @NotNull
    @Size(min = 1, max = 200)
    @Column(nullable = false)
    public String name;

    @Size(max = 254)
    public String email;

    @Size(max = 16)
    public String phone;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Size(max = 35)
    public String locale;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public PreferredChannel preferredChannel;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The status as a literal, not a bind parameter, so that PostgreSQL can match the partial unique
     * indexes on email and phone ({@code where status = 'ACTIVE'}) with any plan.
     */
    static final String ACTIVE = "status = io.motcrm.customer.profile.CustomerStatus.ACTIVE";

    /** The SQL expression of a retired code's key, for {@code retired_member_code}. */
    public static final String RETIRED_CODE_KEY = "encode(sha256(convert_to(:code, 'UTF8')), 'hex')";

    /** Whether the code is held by a customer or was retired by an erasure. */
    public static boolean memberCodeExists(String memberCode) {
        return count("memberCode", memberCode) > 0 || getEntityManager()
                .createNativeQuery("select count(*) from retired_member_code where code_sha256 = " + RETIRED_CODE_KEY)
                .setParameter("code", memberCode).getSingleResult() instanceof Number n && n.longValue() > 0;
    }

    public static boolean emailTaken(String email, UUID except) {
        return email != null && count("email = ?1 and " + ACTIVE + " and id <> ?2", email, except) > 0;
    }

    public static boolean phoneTaken(String phone, UUID except) {
        return phone != null && count("phone = ?1 and " + ACTIVE + " and id <> ?2", phone, except) > 0;
    }
}
