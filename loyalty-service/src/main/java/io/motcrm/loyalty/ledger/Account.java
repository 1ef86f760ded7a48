package io.motcrm.loyalty.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.SessionImplementor;

import io.motcrm.loyalty.tier.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A points account. A customer account caches its balances here, changed only by the {@link Ledger}
 * under the account's row lock, in the same transaction as the entries and lots they summarise:
 * <ul>
 * <li>{@code posted}: the sum of the account's entries;</li>
 * <li>{@code held}: points of pending partner holds; they have already left {@code posted} (a HOLD
 * transaction moved them to the HOLDS account) and come back if the hold is voided or expires;</li>
 * <li>{@code locked}: the remaining points of lots still inside their return window;</li>
 * <li>{@link #available()} = posted - locked: what can be spent now.</li>
 * </ul>
 * None of these goes below zero (checked here and by a database constraint). System accounts keep
 * no cached balance (all zero): their balance is the sum of their entries, so they need no lock.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountType type;

    /** The customer id for a customer account, the partner or charity id, or {@code system}. */
    @NotNull
    @Column(name = "owner_ref", nullable = false)
    public String ownerRef;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "member_code")
    public String memberCode;

    @Column(nullable = false)
    public long posted;

    @Column(nullable = false)
    public long held;

    @Column(nullable = false)
    public long locked;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier = Tier.BRONZE;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public long available() {
        return posted - locked;
    }

    public boolean isCustomer() {
        return type == AccountType.CUSTOMER;
    }

    public static Optional<Account> findCustomer(UUID customerId) {
        return find("type = ?1 and ownerRef = ?2", AccountType.CUSTOMER, customerId.toString()).firstResultOptional();
    }

    /** The id of a customer's account, without loading it (so that it can be locked fresh). */
    public static Optional<Long> customerAccountId(UUID customerId) {
        return getEntityManager()
                .createQuery("select a.id from Account a where a.type = :type and a.ownerRef = :owner", Long.class)
                .setParameter("type", AccountType.CUSTOMER)
                .setParameter("owner", customerId.toString())
                .getResultStream().findFirst();
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public static Optional<Account> findByMemberCode(String memberCode) {
        return find("memberCode = ?1 and type = ?2", memberCode, AccountType.CUSTOMER).firstResultOptional();
    }

    public static Account system(AccountType type) {
        return find("type = ?1 and ownerRef = ?2", type, AccountType.SYSTEM).singleResult();
    }

    /** The id of the system account of a type. */
    public static long systemId(AccountType type) {
        return getEntityManager()
                .createQuery("select a.id from Account a where a.type = :type and a.ownerRef = :owner", Long.class)
                .setParameter("type", type)
                .setParameter("owner", AccountType.SYSTEM)
                .getSingleResult();
    }

    /**
     * Locks the account row for the rest of the transaction and returns its current state: one
     * {@code SELECT ... FOR UPDATE}, or a refresh under the lock when this session already holds the
     * account (its state may predate the lock).
     */
    public static Account lock(long id) {
        SessionImplementor session = getEntityManager().unwrap(SessionImplementor.class);
        EntityKey key = session.generateEntityKey(id,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(Account.class));
        Object managed = session.getPersistenceContextInternal().getEntity(key);
        if (managed != null) {
            getEntityManager().refresh(managed, LockModeType.PESSIMISTIC_WRITE);
            return (Account) managed;
        }
        Account account = getEntityManager().find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new IllegalStateException("No account " + id);
        }
        return account;
    }
}
