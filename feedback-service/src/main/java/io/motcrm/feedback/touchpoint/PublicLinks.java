package io.motcrm.feedback.touchpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.platform.problem.CommonProblem;
import io.motcrm.platform.problem.ProblemException;

/**
 * Touchpoints' public feedback links: issued for the touchpoint's current link version with an expiry,
 * revoked all at once by a rotation (the version goes up), and checked on every anonymous submission.
 * What a customer holding an old printed code is told is written for them: the problem's detail.
 */
@ApplicationScoped
public class PublicLinks {

    static final String EXPIRED = "This QR code or link is no longer valid. Please ask a member of staff for a new one.";
    static final String REVOKED = "This QR code or link has been replaced by a new one. Please ask a member of staff "
            + "for the current one.";

    @Inject
    TouchpointTokens tokens;

    @Inject
    FeedbackConfig config;

    @Inject
    Clock clock;

    /** What a verified token means for a submission now. */
    public sealed interface Admission {
    }

    public record Admitted(String touchpointCode) implements Admission {
    }

    public record Refused(FeedbackProblem problem, String detail) implements Admission {
    }

    /**
     * The validity a request asks for (ISO-8601, e.g. {@code P30D}), or the configured default; 400
     * {@code invalid-parameter} unless it is positive and at most the configured maximum.
     */
    public Duration validity(String requested) {
        if (requested == null || requested.isBlank()) {
            return config.publicLinks().validity();
        }
        Duration max = config.publicLinks().maxValidity();
        try {
            Duration validity = Duration.parse(requested.strip());
            if (!validity.isNegative() && !validity.isZero() && validity.compareTo(max) <= 0) {
                return validity;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new ProblemException(CommonProblem.INVALID_PARAMETER, "validFor must be an ISO-8601 duration above zero "
                + "and at most " + max + ", e.g. P30D").with("maxValidity", max.toString());
    }

    /** A link to the touchpoint's current link version, working for {@code validity} from now. */
    public PublicLink issue(Touchpoint touchpoint, Duration validity) {
        Instant expiresAt = clock.instant().plus(validity).truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.sign(touchpoint.code, touchpoint.linkVersion, expiresAt);
        return new PublicLink(touchpoint.code, token, config.publicLinks().baseUrl() + "?t=" + token,
                touchpoint.linkVersion, expiresAt);
    }

    /** Revokes every link of the touchpoint issued so far and issues one of the new version. */
    @Transactional
    public PublicLink rotate(String code, Duration validity) {
        Touchpoint touchpoint = Touchpoint.<Touchpoint>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> new ProblemException(FeedbackProblem.TOUCHPOINT_NOT_FOUND,
                        "No touchpoint has the code '" + code + "'"));
        touchpoint.linkVersion++;
        touchpoint.updatedAt = clock.instant();
        return issue(touchpoint, validity);
    }

    /**
     * The touchpoint the token lets anonymous feedback name now: 401 {@code invalid-public-token} for a
     * token we did not sign, 410 {@code link-expired} or {@code link-revoked} for one that no longer works.
     */
    public String admit(String token) {
        Instant now = clock.instant();
        TouchpointTokens.Verdict verdict = tokens.verify(token, now);
        Integer current = null;
        if (verdict instanceof TouchpointTokens.Valid valid) {
            current = currentVersion(valid.touchpointCode());
        } else if (verdict instanceof TouchpointTokens.Legacy legacy) {
            current = currentVersion(legacy.touchpointCode());
        }
        Admission admission = decide(verdict, current, config.publicLinks().legacyValidUntil(), now);
        if (admission instanceof Refused refused) {
            throw new ProblemException(refused.problem(), refused.detail());
        }
        return ((Admitted) admission).touchpointCode();
    }

    private static Integer currentVersion(String code) {
        return Touchpoint.findByCode(code).map(touchpoint -> touchpoint.linkVersion).orElse(null);
    }

    /**
     * The rule, given the token's verdict and the touchpoint's current link version (null when the
     * touchpoint does not exist: the submission then answers 404 {@code touchpoint-not-found}).
     */
    static Admission decide(TouchpointTokens.Verdict verdict, Integer currentVersion, Optional<Instant> legacyValidUntil,
            Instant now) {
        if (verdict instanceof TouchpointTokens.Expired) {
            return new Refused(FeedbackProblem.LINK_EXPIRED, EXPIRED);
        }
        if (verdict instanceof TouchpointTokens.Valid valid) {
            if (currentVersion == null || valid.version() == currentVersion) {
                return new Admitted(valid.touchpointCode());
            }
            if (valid.version() < currentVersion) {
                return new Refused(FeedbackProblem.LINK_REVOKED, REVOKED);
            }
        }
        if (verdict instanceof TouchpointTokens.Legacy legacy) {
            if (currentVersion != null && currentVersion > 1) {
                return new Refused(FeedbackProblem.LINK_REVOKED, REVOKED);
            }
            return legacyValidUntil.filter(now::isBefore).isPresent() ? new Admitted(legacy.touchpointCode())
                    : new Refused(FeedbackProblem.LINK_EXPIRED, EXPIRED);
        }
        // Not ours, or a version ahead of the touchpoint's (which we never issue).
        return new Refused(FeedbackProblem.INVALID_PUBLIC_TOKEN, "The link's token is not valid; ask for a new link");
    }
}
