package io.motcrm.feedback.analytics;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * MOT figures for a period, one row per group, worst moments first. Rates are fractions (0-1), NPS is
 * % promoters − % detractors (−100 to 100), times are business seconds of the SLA clock.
 */
@Schema(name = "MotReport")
public record MotReport(
        @Schema(required = true) Instant from,
        @Schema(required = true) Instant to,
        @Schema(required = true) GroupBy groupBy,
        @Schema(required = true) List<Row> rows,
        @Schema(required = true) List<WorstMoment> worstMoments) {

    @Schema(name = "MotReportRow")
    public record Row(
            @Schema(required = true) String key,
            @Schema(required = true) long volume,
            Double avgCsat,
            Double nps,
            @Schema(required = true) long npsResponses,
            Double complaintRate,
            @Schema(required = true) long detractors,
            @Schema(required = true) long cases,
            Double slaCompliance,
            Double medianFirstResponseSeconds,
            Double medianResolutionSeconds,
            Double reopenRate,
            Double recoveryCsat,
            @Schema(required = true) long recoveryResponses,
            @Schema(required = true) Range wordOfMouth) {
    }

    /** How many people detractors are likely to tell (× 10 to × 15). */
    @Schema(name = "WordOfMouthRange")
    public record Range(@Schema(required = true) long low, @Schema(required = true) long high) {
    }

    @Schema(name = "MotWorstMoment")
    public record WorstMoment(
            @Schema(required = true) String key,
            Double nps,
            Double complaintRate,
            @Schema(required = true) long detractors,
            @Schema(required = true) Range wordOfMouth) {
    }
}
