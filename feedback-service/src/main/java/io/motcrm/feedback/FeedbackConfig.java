package io.motcrm.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything about feedback-service that operators tune. */
@ConfigMapping(prefix = "motcrm.feedback")
public interface FeedbackConfig {

    /** Longest feedback text, in characters. */
    @WithDefault("2000")
    int textMaxLength();

    PublicLinks publicLinks();

    RateLimit rateLimit();

    Cases cases();

    Sla sla();

    /** How a new case picks its owner among the owning team's members. */
    @WithDefault("least-loaded")
    Assignment assignment();

    enum Assignment {
        /** The member with the fewest open cases (ties: by login). */
        LEAST_LOADED,
        /** Members in turn, by login. */
        ROUND_ROBIN
    }

    /** Compensation authority per role (agent, supervisor, admin). */
    Map<String, Authority> authority();

    interface PublicLinks {
        /**
         * HMAC key of touchpoint tokens. The default is for local development only and is public; every
         * deployment sets MOTCRM_FEEDBACK_PUBLIC_LINKS_SECRET.
         */
        @WithDefault("local-dev-only-touchpoint-secret-change-me")
        String secret();

        /** Where public links point (the web form); the token is appended as {@code ?t=}. */
        @WithDefault("http://localhost:8080/feedback")
        String baseUrl();

        /** Where recovery survey links point; the token is appended as {@code ?t=}. */
        @WithDefault("http://localhost:8080/recovery")
        String recoveryBaseUrl();

        /** How long a touchpoint's public link works when the request names no validity. */
        @WithDefault("P180D")
        Duration validity();

        /** The longest validity a request may ask for. */
        @WithDefault("P730D")
        Duration maxValidity();

        /**
         * Links issued before links carried a version and an expiry are accepted until this instant (if set,
         * and while their touchpoint's links were never rotated), so that printed codes can be replaced in
         * time; without it they are refused as expired.
         */
        Optional<Instant> legacyValidUntil();
    }

    interface RateLimit {
        /** Anonymous submissions per touchpoint token per window. */
        @WithDefault("60")
        int perToken();

        /** Anonymous submissions per client IP per window. */
        @WithDefault("20")
        int perIp();

        @WithDefault("1m")
        Duration window();
    }

    interface Cases {
        /** Priority a case opens with when the customer's value cannot be read; re-prioritised later. */
        @WithDefault("P2")
        String defaultPriority();

        /** Lifetime value (minor units) from which a customer counts as high value. */
        @WithDefault("500000")
        long highValueLifetimeMinor();

        /** Lifecycle stages that count as high value. */
        @WithDefault("loyal")
        List<String> highValueStages();

        /** How long after resolution a case may be reopened. */
        @WithDefault("P14D")
        Duration reopenWindow();

        /** Root causes a resolution may name. */
        @WithDefault("product-defect,service-failure,delivery-delay,billing-error,staff-behaviour,policy,communication,other")
        List<String> rootCauses();

        /** How often cases that opened without the customer's value are re-prioritised. */
        @WithDefault("1m")
        String reprioritiseEvery();
    }

    interface Sla {
        /** First-response and resolution targets per priority (P1, P2, P3). */
        Map<String, Policy> policies();

        /** After a breach, each further period of this length escalates one more level. */
        @WithDefault("1h")
        Duration escalationStep();

        /** How often breaches are detected ({@code off} to disable). */
        @WithDefault("30s")
        String checkEvery();

    }

    interface Policy {
        Duration firstResponse();

        Duration resolution();
    }

    interface Authority {
        /** Most compensation points on one case this role grants without approval. */
        long perCase();

        /** Most compensation points one person of this role grants per day without approval. */
        long perDay();
    }
}
