package io.motcrm.loyalty;

/**
 * Request and answer examples of the OpenAPI document, shared by an operation and its {@code /me} twin.
 * They tell one story: a Silver customer (member code {@code 7K2M9QX4PD}) makes a code, the partner
 * {@code cafe-central} holds 400 points with it and captures 300 (or voids the hold), later refunds 100, and
 * the customer earns 52 points at its till, showing the member card. The customer has not consented to
 * {@code partner_sharing}, so the redemptions name them only by the partner's own reference.
 */
public final class ApiExamples {

    public static final String BALANCE = """
            {"customerId": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "status": "OPEN", "available": 1200, "posted": 1500,
             "held": 400, "locked": 300, "tier": "SILVER", "asOf": "2026-11-23T10:15:30Z"}""";

    public static final String STATEMENT = """
            {"customerId": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "page": 0, "size": 20, "totalItems": 3,
             "items": [
              {"transactionId": 1042, "kind": "HOLD", "reference": "redemption:0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a:hold",
               "reversesTransactionId": null, "description": "Points held for a partner redemption", "amount": -400,
               "createdAt": "2026-11-23T10:14:02Z"},
              {"transactionId": 977, "kind": "EARN", "reference": "purchase:2c9d8e7f-6a5b-4c4d-8e3f-2a1b0c9d8e7f",
               "reversesTransactionId": null, "description": "Points for a purchase", "amount": 1400,
               "createdAt": "2026-11-02T16:40:11Z"},
              {"transactionId": 12, "kind": "EARN", "reference": "welcome:6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43",
               "reversesTransactionId": null, "description": "Welcome bonus", "amount": 500,
               "createdAt": "2026-10-30T09:00:00Z"}],
             "nextCursor": null}""";

    public static final String CODE_REQUEST = """
            {"maxPoints": 500}""";

    public static final String CODE_ISSUED = """
            {"customerId": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "code": "7QH4KP2XNB", "maxPoints": 500,
             "expiresAt": "2026-11-23T10:18:30Z"}""";

    public static final String DONATION_REQUEST = """
            {"charityId": "food-bank-north", "points": 250}""";

    public static final String DONATION_RECEIPT = """
            {"donationId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "receiptNumber": "D-20261123-9A8B7C6D",
             "customerId": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "charityId": "food-bank-north",
             "charityName": "Food Bank North", "points": 250, "transactionId": 1051, "donatedAt": "2026-11-23T10:20:00Z"}""";

    public static final String AUTHORIZE_REQUEST = """
            {"code": "7QH4KP2XNB", "points": 400, "reference": "till-7-receipt-88231"}""";

    public static final String REDEMPTION_PENDING = """
            {"id": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "partnerId": "cafe-central", "customerReference": "pr_k3vq2mrx4tdbgn7c5d2fwh3e",
             "memberCode": null, "reference": "till-7-receipt-88231", "status": "PENDING", "authorizedPoints": 400, "capturedPoints": 0,
             "refundedPoints": 0, "expiresAt": "2026-11-23T10:29:02Z",
             "createdAt": "2026-11-23T10:14:02Z", "updatedAt": "2026-11-23T10:14:02Z", "transactionId": 1042}""";

    public static final String CAPTURE_REQUEST = """
            {"points": 300}""";

    public static final String REDEMPTION_CAPTURED = """
            {"id": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "partnerId": "cafe-central", "customerReference": "pr_k3vq2mrx4tdbgn7c5d2fwh3e",
             "memberCode": null, "reference": "till-7-receipt-88231", "status": "CAPTURED", "authorizedPoints": 400, "capturedPoints": 300,
             "refundedPoints": 0, "expiresAt": "2026-11-23T10:29:02Z",
             "createdAt": "2026-11-23T10:14:02Z", "updatedAt": "2026-11-23T10:16:45Z", "transactionId": 1043}""";

    public static final String REDEMPTION_VOIDED = """
            {"id": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "partnerId": "cafe-central", "customerReference": "pr_k3vq2mrx4tdbgn7c5d2fwh3e",
             "memberCode": null, "reference": "till-7-receipt-88231", "status": "VOIDED", "authorizedPoints": 400, "capturedPoints": 0,
             "refundedPoints": 0, "expiresAt": "2026-11-23T10:29:02Z",
             "createdAt": "2026-11-23T10:14:02Z", "updatedAt": "2026-11-23T10:15:10Z", "transactionId": 1044}""";

    public static final String REFUND_REQUEST = """
            {"points": 100, "reference": "return-88231-1"}""";

    public static final String REDEMPTION_REFUNDED = """
            {"id": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "partnerId": "cafe-central", "customerReference": "pr_k3vq2mrx4tdbgn7c5d2fwh3e",
             "memberCode": null, "reference": "till-7-receipt-88231", "status": "CAPTURED", "authorizedPoints": 400, "capturedPoints": 300,
             "refundedPoints": 100, "expiresAt": "2026-11-23T10:29:02Z",
             "createdAt": "2026-11-23T10:14:02Z", "updatedAt": "2026-11-24T15:02:19Z", "transactionId": 1090}""";

    public static final String EARN_REQUEST = """
            {"memberCode": "7K2M9QX4PD", "amountMinor": 4250, "reference": "till-7-receipt-88240"}""";

    public static final String EARNED = """
            {"partnerId": "cafe-central", "memberCode": "7K2M9QX4PD", "reference": "till-7-receipt-88240",
             "amountMinor": 4250, "points": 52, "withheldPoints": 0, "transactionId": 1061, "duplicate": false}""";

    public static final String EARNED_DUPLICATE = """
            {"partnerId": "cafe-central", "memberCode": "7K2M9QX4PD", "reference": "till-7-receipt-88240",
             "amountMinor": 4250, "points": 52, "withheldPoints": 0, "transactionId": 1061, "duplicate": true}""";

    public static final String SETTLEMENT = """
            {"partnerId": "cafe-central", "month": "2026-11", "from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z",
             "pointValueMinor": 5, "capturedPoints": 300, "refundedPoints": 100, "redeemedPoints": 200, "earnedPoints": 52,
             "redeemedValueMinor": 1000, "earnedValueMinor": 260, "netValueMinor": 740,
             "lines": [
              {"kind": "CAPTURE", "redemptionId": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "reference": "till-7-receipt-88231",
               "points": 300, "valueMinor": 1500, "transactionId": 1043, "at": "2026-11-23T10:16:45Z"},
              {"kind": "EARN", "redemptionId": null, "reference": "till-7-receipt-88240", "points": 52,
               "valueMinor": 260, "transactionId": 1061, "at": "2026-11-23T11:02:37Z"},
              {"kind": "REFUND", "redemptionId": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "reference": "return-88231-1",
               "points": 100, "valueMinor": 500, "transactionId": 1090, "at": "2026-11-24T15:02:19Z"}],
             "lineCount": 3, "nextCursor": null}""";

    private ApiExamples() {
    }
}
