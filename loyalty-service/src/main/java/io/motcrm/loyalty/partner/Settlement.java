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
public record Settlement(String partnerId, String month, Instant from, Instant to, long pointValueMinor,
        long capturedPoints, long refundedPoints, long redeemedPoints, long earnedPoints, long redeemedValueMinor,
        long earnedValueMinor, long netValueMinor, List<Line> lines) {

    @Schema(name = "SettlementLine")
    public record Line(PartnerMovement.Kind kind, UUID redemptionId, String reference, long points, long valueMinor,
            long transactionId, Instant at) {
    }
}
