package io.motcrm.feedback.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.motcrm.feedback.FeedbackProblem;
import io.motcrm.feedback.touchpoint.PublicLinks.Admitted;
import io.motcrm.feedback.touchpoint.PublicLinks.Refused;

/** Which links admit feedback: {@link PublicLinks#decide}. */
class PublicLinkRuleTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);

    private static Object problem(PublicLinks.Admission admission) {
        return admission instanceof Refused refused ? refused.problem() : ((Admitted) admission).touchpointCode();
    }

    @Test
    void aCurrentLinkOfTheCurrentVersionAdmits() {
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Valid("store", 2, LATER), 2, Optional.empty(), NOW)))
                .isEqualTo("store");
    }

    @Test
    void anEarlierVersionIsRevokedAndALaterOneIsNotOurs() {
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Valid("store", 1, LATER), 2, Optional.empty(), NOW)))
                .isEqualTo(FeedbackProblem.LINK_REVOKED);
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Valid("store", 3, LATER), 2, Optional.empty(), NOW)))
                .isEqualTo(FeedbackProblem.INVALID_PUBLIC_TOKEN);
    }

    @Test
    void anExpiredLinkIsExpiredWhateverItsVersion() {
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Expired("store", NOW), 1, Optional.empty(), NOW)))
                .isEqualTo(FeedbackProblem.LINK_EXPIRED);
    }

    @Test
    void anUnknownTouchpointIsLeftToTheSubmissionToAnswer() {
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Valid("gone", 1, LATER), null, Optional.empty(), NOW)))
                .isEqualTo("gone");
    }

    @Test
    void aLinkFromBeforeExpiriesWorksOnlyWithinTheConfiguredGraceAndUntilTheFirstRotation() {
        TouchpointTokens.Legacy legacy = new TouchpointTokens.Legacy("store");
        assertThat(problem(PublicLinks.decide(legacy, 1, Optional.empty(), NOW))).isEqualTo(FeedbackProblem.LINK_EXPIRED);
        assertThat(problem(PublicLinks.decide(legacy, 1, Optional.of(LATER), NOW))).isEqualTo("store");
        assertThat(problem(PublicLinks.decide(legacy, 1, Optional.of(NOW), NOW))).isEqualTo(FeedbackProblem.LINK_EXPIRED);
        assertThat(problem(PublicLinks.decide(legacy, 2, Optional.of(LATER), NOW))).isEqualTo(FeedbackProblem.LINK_REVOKED);
    }

    @Test
    void aTokenWeDidNotSignIsInvalid() {
        assertThat(problem(PublicLinks.decide(new TouchpointTokens.Invalid(), null, Optional.empty(), NOW)))
                .isEqualTo(FeedbackProblem.INVALID_PUBLIC_TOKEN);
    }
}
