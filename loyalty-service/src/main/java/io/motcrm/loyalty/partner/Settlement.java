package io.motcrm.loyalty.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's monthly settlement: points redeemed at the partner (captured minus refunded), which
 * the programme owes the partner, and points customers earned there, which the partner owes the
 * programme, each valued at the partner's point value. {@code netValueMinor} > 0: the programme pays
 * the partner. Every line names its ledger transaction.
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
        @Schema(required = true) List<Line> lines) {

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
