package io.motcrm.feedback.analytics;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * MOT figures for a period, one row per group, worst moments first. Rates are fractions (0-1), NPS is
 * % promoters − % detractors (−100 to 100), times are business seconds of the SLA clock.
 */
@Schema(name = "MotReport")
public record MotReport(Instant from, Instant to, GroupBy groupBy, List<Row> rows, List<WorstMoment> worstMoments) {

    @Schema(name = "MotReportRow")
    public record Row(String key, long volume, Double avgCsat, Double nps, long npsResponses, Double complaintRate,
            long detractors, long cases, Double slaCompliance, Double medianFirstResponseSeconds,
            Double medianResolutionSeconds, Double reopenRate, Double recoveryCsat, long recoveryResponses,
            Range wordOfMouth) {
    }

    /** How many people detractors are likely to tell (× 10 to × 15). */
    @Schema(name = "WordOfMouthRange")
    public record Range(long low, long high) {
    }

    @Schema(name = "MotWorstMoment")
    public record WorstMoment(String key, Double nps, Double complaintRate, long detractors, Range wordOfMouth) {
    }
}
