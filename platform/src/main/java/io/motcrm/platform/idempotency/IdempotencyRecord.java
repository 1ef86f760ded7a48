package io.motcrm.platform.idempotency;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The first successful response to a request made with an {@code Idempotency-Key}, replayed to its retries. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Who made the request: keys of different callers never collide. */
    @Column(nullable = false)
    public String scope;

    @Column(name = "idem_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String operation;

    /** SHA-256 of the operation and the canonical JSON of the request. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_location")
    public String responseLocation;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    static Optional<IdempotencyRecord> find(String scope, String key) {
        return find("scope = ?1 and key = ?2", scope, key).firstResultOptional();
    }

    static long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
