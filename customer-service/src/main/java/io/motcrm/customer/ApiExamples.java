package io.motcrm.customer;

/**
 * Request and answer examples of the OpenAPI document, shared by an operation and its {@code /me} twin.
 * They tell one story: Kim Min-ji (member code {@code 7K2M9QX4PJ}) signs up in the app, with a friend's
 * referral code, grants personalization, and buys two items in the web shop.
 */
public final class ApiExamples {

    public static final String SIGN_UP_REQUEST = """
            {"name": "Kim Min-ji", "email": "minji.kim@example.com", "phone": "+82 10-1234-5678",
             "birthDate": "1994-03-15", "locale": "ko-KR", "preferredChannel": "PUSH", "referralCode": "Q8RT4N2B"}""";

    public static final String CUSTOMER = """
            {"id": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "memberCode": "7K2M9QX4PJ", "name": "Kim Min-ji",
             "email": "minji.kim@example.com", "phone": "+821012345678", "birthDate": "1994-03-15", "locale": "ko-KR",
             "preferredChannel": "PUSH", "status": "ACTIVE", "referralCode": "H4X9TQ2M", "contactsMasked": false,
             "createdAt": "2026-10-30T09:00:00Z", "updatedAt": "2026-10-30T09:00:00Z"}""";

    /** The same profile as an agent sees it without a purpose that needs the contacts. */
    public static final String CUSTOMER_MASKED = """
            {"id": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43", "memberCode": "7K2M9QX4PJ", "name": "Kim Min-ji",
             "email": "m***@example.com", "phone": "+82******5678", "birthDate": "1994-03-15", "locale": "ko-KR",
             "preferredChannel": "PUSH", "status": "ACTIVE", "referralCode": "H4X9TQ2M", "contactsMasked": true,
             "createdAt": "2026-10-30T09:00:00Z", "updatedAt": "2026-10-30T09:00:00Z"}""";

    public static final String PROFILE_PATCH = """
            {"phone": "+82 10-8765-4321", "preferredChannel": "EMAIL"}""";

    public static final String CONSENT_REQUEST = """
            {"purpose": "personalization", "granted": true, "channel": "APP", "policyVersion": "2026-01"}""";

    public static final String CONSENT_RECORD = """
            {"id": 4711, "purpose": "personalization", "granted": true, "occurredAt": "2026-10-30T09:01:12Z",
             "channel": "APP", "policyVersion": "2026-01"}""";

    public static final String PURCHASE_REQUEST = """
            {"source": "web-shop", "externalOrderId": "WS-2026-000815", "occurredAt": "2026-11-02T16:40:00Z",
             "channel": "WEB", "touchpointCode": "web-checkout",
             "lines": [{"sku": "TEA-GREEN-100", "category": "tea", "quantity": 2, "unitPriceMinor": 12000},
                       {"sku": "CUP-CELADON", "category": "tableware", "quantity": 1, "unitPriceMinor": 46000}]}""";

    public static final String PURCHASE = """
            {"id": "2c9d8e7f-6a5b-4c4d-8e3f-2a1b0c9d8e7f", "customerId": "6b1f3c2a-5d4e-4f8a-9b2c-1d0e7f6a5b43",
             "source": "web-shop", "externalOrderId": "WS-2026-000815", "occurredAt": "2026-11-02T16:40:00Z",
             "channel": "WEB", "touchpointCode": "web-checkout", "totalMinor": 70000, "returnedMinor": 0,
             "lines": [{"lineNo": 1, "sku": "TEA-GREEN-100", "category": "tea", "quantity": 2, "unitPriceMinor": 12000,
                        "returnedQuantity": 0},
                       {"lineNo": 2, "sku": "CUP-CELADON", "category": "tableware", "quantity": 1, "unitPriceMinor": 46000,
                        "returnedQuantity": 0}],
             "returns": []}""";

    private ApiExamples() {
    }
}
