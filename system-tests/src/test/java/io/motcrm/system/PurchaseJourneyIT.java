package io.motcrm.system;

import static io.motcrm.system.Suite.signUp;
import static io.motcrm.system.Suite.staff;
import static io.motcrm.system.Suite.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Sign-up with a referral code, first purchase, return: customer-service's outbox drives
 * loyalty-service's earning (welcome bonus, purchase points with the first-purchase bonus, the referrer's
 * reward, the reversal), all seen through the gateway.
 */
class PurchaseJourneyIT {

    private static final Duration OUTBOX = Duration.ofSeconds(30);

    @Test
    void referredSignUpFirstPurchaseAndReturnMovePointsExactlyOnce() {
        UUID referrer = signUp(null);
        String code = staff("agent.kim").get("/api/v1/customers/" + referrer + "/referrals")
                .then().statusCode(200).extract().path("referralCode");
        UUID referee = signUp(code);

        long welcome = await().atMost(OUTBOX).until(() -> posted(referee), points -> points > 0);
        long referrerBefore = await().atMost(OUTBOX).until(() -> posted(referrer), points -> points > 0);

        Map<String, Object> purchase = Map.of("source", "web-shop", "externalOrderId", "st-" + UUID.randomUUID(),
                "occurredAt", Instant.now().minusSeconds(60).toString(), "channel", "WEB",
                "lines", List.of(Map.of("sku", "TEA-01", "category", "tea", "quantity", 2, "unitPriceMinor", 15_000),
                        Map.of("sku", "CUP-07", "category", "kitchen", "quantity", 1, "unitPriceMinor", 20_000)));
        String key = UUID.randomUUID().toString();
        String purchaseId = staff("agent.kim").contentType("application/json").header("Idempotency-Key", key)
                .body(purchase).post("/api/v1/customers/" + referee + "/purchases")
                .then().statusCode(201).extract().path("id");
        // A client's retry with the same key records nothing new.
        staff("agent.kim").contentType("application/json").header("Idempotency-Key", key)
                .body(purchase).post("/api/v1/customers/" + referee + "/purchases")
                .then().statusCode(201).header("Idempotent-Replayed", "true");

        long afterPurchase = await().atMost(OUTBOX).until(() -> posted(referee), points -> points > welcome);
        await().atMost(OUTBOX).until(() -> posted(referrer), points -> points > referrerBefore);
        // 50,000 minor units at the base rate is 500 points; the first-purchase bonus comes on top.
        assertThat(afterPurchase - welcome).isGreaterThan(500);

        write(staff("agent.kim"), Map.of()).post("/api/v1/customers/" + referee + "/purchases/" + purchaseId + "/returns")
                .then().statusCode(201);
        long afterReturn = await().atMost(OUTBOX).until(() -> posted(referee), points -> points < afterPurchase);
        assertThat(afterReturn).isGreaterThanOrEqualTo(welcome);

        // Settled: nothing more arrives later (each event applied exactly once).
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> posted(referee) == afterReturn);
    }

    private static long posted(UUID customer) {
        Number points = staff("agent.kim").get("/api/v1/loyalty/customers/" + customer + "/balance")
                .then().extract().path("posted");
        return points == null ? 0 : points.longValue();
    }
}
