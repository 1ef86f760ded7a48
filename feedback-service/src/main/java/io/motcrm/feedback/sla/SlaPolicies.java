package io.motcrm.feedback.sla;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.motcrm.feedback.FeedbackConfig;
import io.motcrm.feedback.cases.Priority;
import io.motcrm.feedback.cases.SupportCase;
import io.motcrm.feedback.team.Team;

/** The configured SLA policy of each priority (motcrm.feedback.sla.policies.P1.first-response, ...). */
@ApplicationScoped
public class SlaPolicies {

    @Inject
    FeedbackConfig config;

    /** The case's targets: its team's own ({@code PUT /api/v1/mot/teams/{code}}) where set, else its priority's. */
    public SlaPolicy of(SupportCase item) {
        SlaPolicy byPriority = of(item.priority);
        return Team.find(item.team).map(team -> new SlaPolicy(team.firstResponseTarget().orElse(byPriority.firstResponse()),
                team.resolutionTarget().orElse(byPriority.resolution()))).orElse(byPriority);
    }

    public SlaPolicy of(Priority priority) {
        FeedbackConfig.Policy policy = config.sla().policies().get(priority.name());
        if (policy == null) {
            // Built-in defaults for a priority the configuration leaves out.
            return switch (priority) {
                case P1 -> new SlaPolicy(Duration.ofMinutes(15), Duration.ofHours(4));
                case P2 -> new SlaPolicy(Duration.ofHours(1), Duration.ofHours(24));
                case P3 -> new SlaPolicy(Duration.ofHours(4), Duration.ofHours(72));
            };
        }
        return new SlaPolicy(policy.firstResponse(), policy.resolution());
    }
}
