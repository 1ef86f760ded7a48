package io.motcrm.loyalty.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's monthly settlement: points redeemed at the partner (captured minus refunded), which
 * the programme owes the partner, and points customers earned there, which the partner owes the
 * programme, each valued at the partner's point value. {@code netValueMinor} > 0: the programme pays
 * the partner. Every line names its ledger transaction. The totals cover the whole month on every page; the lines
 * come a page at a time ({@code nextCursor}).
 */
public record Settlement(
        @Schema(required = true) String partnerId,
        @Schema(required = true) String month,
        @Schema(required = true) Instant from,
        @Schema(required = true) Instant to,
        @Schema(required = true) long pointValueMinor,
        @Schema(required = true) long capturedPoints,
        @Schema(required = true) long refundedPoints,
        @Schema(required = true) long redeemedPoints,
        @Schema(required = true) long earnedPoints,
        @Schema(required = true) long redeemedValueMinor,
        @Schema(required = true) long earnedValueMinor,
        @Schema(required = true) long netValueMinor,
        @Schema(required = true, description = "One page of the month's lines, in the order they were booked")
        List<Line> lines,
        @Schema(required = true, description = "How many lines the month has, on all pages") long lineCount,
        @Schema(description = "Pass as `after` for the next page of lines; null on the last page") String nextCursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String LIMIT = "Lines per page (1..1000, default 100)";
    public static final String INVALID = "`invalid-month`: not a month written YYYY-MM; `invalid-cursor`: `after` is not a "
            + "cursor this settlement gave out; `validation-failed`: `limit` out of range";
    public static final String PAGING = "The totals cover every line of the month on every page; `lines` is one page, in "
            + "the order they were booked, and `lineCount` says how many there are. Follow `nextCursor` with "
            + "`?after=` until it is null to read them all.";

    @Schema(name = "SettlementLine")
    public record Line(
            @Schema(required = true) PartnerMovement.Kind kind,
            UUID redemptionId,
            @Schema(required = true) String reference,
            @Schema(required = true) long points,
            @Schema(required = true) long valueMinor,
            @Schema(required = true) long transactionId,
            @Schema(required = true) Instant at) {
    }
}
