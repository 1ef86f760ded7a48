package io.motcrm.feedback.sla;

import java.time.Duration;

/** How long a case of one priority may take to first response and to resolution, in business time. */
public record SlaPolicy(Duration firstResponse, Duration resolution) {
}
