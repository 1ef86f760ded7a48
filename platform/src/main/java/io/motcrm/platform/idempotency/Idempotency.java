package io.motcrm.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.motcrm.platform.Persistence;
import io.quarkus.arc.properties.IfBuildProperty;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes a write safe to retry. The caller's {@code Idempotency-Key} is recorded with the first
 * successful response in the same transaction as the write itself, so either both commit or
 * neither does:
 * <ul>
 * <li>no key: 400 {@code idempotency-key-missing};</li>
 * <li>a key seen before with the same request: the first response is replayed (header
 * {@code Idempotent-Replayed: true}) and nothing runs again;</li>
 * <li>a key seen before with a different request: 422 {@code idempotency-key-reused};</li>
 * <li>a key whose first request is still running: 409 {@code idempotency-request-in-flight}.</li>
 * </ul>
 * Only successful (2xx) responses are recorded. A rejected request rolls back and leaves no trace,
 * so it can be corrected and sent again with the same key. Keys are scoped by caller and kept for
 * {@code motcrm.idempotency.retention} (24 hours by default).
 */
@IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The key's lock, then its record: two statements, so the lookup's snapshot follows the lock. */
    private static final String CLAIM = """
            select pg_try_advisory_xact_lock(?);
            select id, request_hash, response_status, response_location, response_body, expires_at
            from idempotency_record where scope = ? and idem_key = ?""";

    private final ObjectMapper canonical;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionManager transactions;

    @Inject
    CallerScope callerScope;

    @Inject
    IdempotencyConfig config;

    @Inject
    Clock clock;

    public Idempotency() {
        this.canonical = JsonMapper.builder()
                .findAndAddModules()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * Runs {@code action} once per key and caller; see the class description.
     *
     * @param key the {@code Idempotency-Key} header as received (may be null)
     * @param operation a stable name of the operation, e.g. {@code "purchase.record"}: the same key
     *        on another operation is a different request
     * @param request the parsed request body (and anything else that identifies the request)
     * @param action performs the write and returns the response; it runs in this transaction
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_MISSING,
                    "Send an Idempotency-Key header (e.g. a UUID) so that a retry cannot apply this twice");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String scope = callerScope.current();
        String requestHash = fingerprint(operation, request);

        Instant now = clock.instant();
        Claim claim = claim(scope, key);
        if (!claim.locked()) {
            throw new ProblemException(CommonProblem.IDEMPOTENCY_REQUEST_IN_FLIGHT,
                    "The first request with this key has not finished; retry shortly")
                    .withHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        if (claim.existing() != null) {
            IdempotencyRecord record = claim.existing();
            if (record.expiresAt.isAfter(now)) {
                if (!record.requestHash.equals(requestHash)) {
                    throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key for a new request");
                }
                return replay(record);
            }
            IdempotencyRecord.delete("id", record.id);
        }

        Response response = action.get();
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            markRollbackOnly();
            return response;
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.scope = scope;
        record.key = key;
        record.operation = operation;
        record.requestHash = requestHash;
        record.responseStatus = response.getStatus();
        record.responseLocation = response.getLocation() == null ? null : response.getLocation().toString();
        record.responseBody = serialize(response.getEntity());
        record.createdAt = now;
        record.expiresAt = now.plus(config.retention());
        try {
            record.persistAndFlush();
        } catch (PersistenceException e) {
            // The advisory lock makes this unreachable in practice; the unique index is the backstop.
            throw new ProblemException(CommonProblem.IDEMPOTENCY_REQUEST_IN_FLIGHT,
                    "A concurrent request with this key won; retry to receive its response")
                    .withHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        return build(record, false);
    }

    /**
     * For an erasure: deletes every stored answer that mentions one of {@code values} (a customer's id,
     * their case ids...), whoever made the request, in the caller's transaction. A retry of such a
     * request afterwards runs afresh, as after the retention period.
     *
     * @return how many records were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long forgetMentioning(java.util.Collection<String> values) {
        long deleted = 0;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            deleted += entityManager.createNativeQuery("""
                    delete from idempotency_record
                    where strpos(response_body, :value) > 0 or strpos(response_location, :value) > 0""")
                    .setParameter("value", value).executeUpdate();
        }
        return deleted;
    }

    /** Deletes expired keys; a key is usable afresh once its record is gone. */
    @Scheduled(every = "${motcrm.idempotency.cleanup-interval:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        long purged = IdempotencyRecord.deleteExpired(clock.instant());
        if (purged > 0) {
            Log.infof("Purged %d expired idempotency keys", purged);
        }
    }

    /** The outcome of taking a key's lock: whether it was free, and the key's record if it has one. */
    private record Claim(boolean locked, IdempotencyRecord existing) {
    }

    /**
     * Takes the key's transaction-scoped advisory lock and reads its record, in one round trip: two
     * statements sent together, so the read still runs (and takes its snapshot) after the lock, and
     * sees whatever the lock's previous holder committed.
     */
    private Claim claim(String scope, String key) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setLong(1, lockId(scope, key));
                statement.setString(2, scope);
                statement.setString(3, key);
                statement.execute();
                boolean locked;
                try (ResultSet lock = statement.getResultSet()) {
                    lock.next();
                    locked = lock.getBoolean(1);
                }
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("The idempotency lookup returned no result set");
                }
                try (ResultSet found = statement.getResultSet()) {
                    if (!locked || !found.next()) {
                        return new Claim(locked, null);
                    }
                    IdempotencyRecord record = new IdempotencyRecord();
                    record.id = found.getLong("id");
                    record.requestHash = found.getString("request_hash");
                    record.responseStatus = found.getInt("response_status");
                    record.responseLocation = found.getString("response_location");
                    record.responseBody = found.getString("response_body");
                    record.expiresAt = found.getObject("expires_at", OffsetDateTime.class).toInstant();
                    return new Claim(true, record);
                }
            }
        });
    }

    private Response replay(IdempotencyRecord record) {
        return build(record, true);
    }

    private static Response build(IdempotencyRecord record, boolean replayed) {
        var response = Response.status(record.responseStatus);
        if (record.responseBody != null) {
            response.entity(record.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (record.responseLocation != null) {
            response.header(HttpHeaders.LOCATION, record.responseLocation);
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response of an idempotent operation cannot be serialised", e);
        }
    }

    String fingerprint(String operation, Object request) {
        try {
            String body = canonical.writeValueAsString(request);
            return HexFormat.of().formatHex(sha256(operation + '\n' + body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request of an idempotent operation cannot be serialised", e);
        }
    }

    static long lockId(String scope, String key) {
        byte[] digest = sha256(scope + '\u0000' + key);
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = (id << 8) | (digest[i] & 0xff);
        }
        return id;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void markRollbackOnly() {
        try {
            transactions.setRollbackOnly();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot roll back a rejected idempotent request", e);
        }
    }
}
