package io.motcrm.customer.insight;

import static io.motcrm.customer.Callers.PURPOSE;
import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.platform.testing.TestCallers.asService;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.CallerAccess;
import io.motcrm.customer.Fixtures.Line;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "supervisor-ko", roles = "supervisor")
class InsightTest {

    static final Instant NOW = Instant.now();

    @Inject
    EntityManager entityManager;

    @Inject
    Insights insights;

    static ValidatableResponse insight(UUID customer) {
        return given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + customer + "/insight")
                .then().statusCode(200);
    }

    static UUID customerWithPurchases(long unitPrice, Instant... times) {
        UUID customer = newCustomer();
        for (Instant at : times) {
            purchase(customer, at, new Line("SKU-" + UUID.randomUUID(), "general", 1, unitPrice));
        }
        return customer;
    }

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void lifecycleStagesFollowTheConfiguredThresholds() {
        insight(newCustomer()).body("lifecycleStage", equalTo("prospect")).body("purchaseCount", equalTo(0))
                .body("recencyScore", nullValue());
        insight(customerWithPurchases(100, daysAgo(1))).body("lifecycleStage", equalTo("first_purchase"));
        insight(customerWithPurchases(100, daysAgo(10), daysAgo(1))).body("lifecycleStage", equalTo("repeat"));
        insight(customerWithPurchases(100, daysAgo(50), daysAgo(40), daysAgo(30), daysAgo(20), daysAgo(1)))
                .body("lifecycleStage", equalTo("loyal")).body("purchaseCount", equalTo(5));
        // at-risk-after is 60 days, lapsed-after 180 days (application.properties).
        insight(customerWithPurchases(100, daysAgo(100), daysAgo(70))).body("lifecycleStage", equalTo("at_risk"));
        insight(customerWithPurchases(100, daysAgo(200))).body("lifecycleStage", equalTo("lapsed"));
    }

    @Test
    void aFullyReturnedPurchaseDoesNotCount() {
        UUID customer = customerWithPurchases(100, daysAgo(1));
        String purchase = given().header(CallerAccess.PURPOSE_HEADER, PURPOSE)
                .get("/api/v1/customers/" + customer + "/purchases").then().extract().path("items[0].id");
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString()).body("{}")
                .post("/api/v1/customers/" + customer + "/purchases/" + purchase + "/returns").then().statusCode(201);
        insight(customer).body("lifecycleStage", equalTo("prospect")).body("netSpendMinor", equalTo(0))
                .body("lifetimeValueMinor", equalTo(0)).body("recencyScore", nullValue())
                .body("frequencyScore", nullValue()).body("monetaryScore", nullValue());
    }

    @Test
    void aPurchaseScoresItsCustomerAtOnceAndSegmentsOnScoresFindThem() {
        String category = "cat-" + UUID.randomUUID();
        UUID customer = newCustomer();
        // The biggest spender there is: the last monetary quintile, whatever the ranking kept.
        purchase(customer, Instant.now(), new Line("SKU-BIG", category, 100_000, 1_000_000_000_000L));

        insight(customer).body("recencyScore", notNullValue()).body("frequencyScore", notNullValue())
                .body("monetaryScore", equalTo(5));
        String segment = given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .body("""
                        {"name": "big spenders %s", "rule": {"conditions": [
                            {"field": "monetaryScore", "op": "gte", "value": 4},
                            {"field": "topCategory", "op": "eq", "value": "%s"}]}}""".formatted(category, category))
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/segments/" + segment + "/members").then()
                .statusCode(200).body("items.customerId", equalTo(List.of(customer.toString())));
    }

    @Test
    void scoresAgainstTheKeptRankingAreTheFullRunsForUnchangedCustomers() {
        customerWithPurchases(300, daysAgo(8));
        UUID customer = customerWithPurchases(700, daysAgo(6), daysAgo(4));
        assertThat(insights.recomputeAll()).isNotNull();
        var full = insight(customer).extract();

        QuarkusTransaction.requiringNew().run(() -> {
            Number differing = (Number) entityManager.createNativeQuery("select count(*) from (" + Insights.SCORES
                    + ") s join customer_insight i on i.customer_id = s.customer_id"
                    + " where (i.recency_score, i.frequency_score, i.monetary_score) is distinct from (s.r, s.f, s.m)")
                    .getSingleResult();
            assertThat(differing.longValue()).isZero();
        });
        insights.refresh(customer);
        insight(customer).body("recencyScore", equalTo(full.<Integer> path("recencyScore")))
                .body("frequencyScore", equalTo(full.<Integer> path("frequencyScore")))
                .body("monetaryScore", equalTo(full.<Integer> path("monetaryScore")));
    }

    @Test
    void erasureTakesTheCustomerOutOfTheKeptRanking() {
        UUID earliest = customerWithPurchases(1, Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(insights.recomputeAll()).isNotNull();
        assertThat(rankingMentions(earliest)).isPositive();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + earliest + "/erasure").then().statusCode(201);
        assertThat(rankingMentions(earliest)).isZero();
    }

    private long rankingMentions(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from rfm_boundary where :id in (recency_customer, frequency_customer, monetary_customer)")
                .setParameter("id", customer).getSingleResult()).longValue());
    }

    @Test
    void lifetimeValueIsSpendPlusTheProjectedYearsAtTheCustomersRate() {
        // One purchase today: tenure counts as a year, 3 years projected at 10,000 a year.
        insight(customerWithPurchases(10_000, daysAgo(0))).body("lifetimeValueMinor", equalTo(40_000));
        // Five purchases over two years: 10,000 in 2 years is 5,000 a year.
        insight(customerWithPurchases(2_000, daysAgo(730), daysAgo(500), daysAgo(300), daysAgo(100), daysAgo(0)))
                .body("lifecycleStage", equalTo("loyal")).body("lifetimeValueMinor", equalTo(25_000));
        // At risk: half the projection; lapsed: none.
        insight(customerWithPurchases(10_000, daysAgo(70))).body("lifetimeValueMinor", equalTo(25_000));
        insight(customerWithPurchases(10_000, daysAgo(200))).body("lifetimeValueMinor", equalTo(10_000));
    }

    @Test
    void topCategoriesAreTheThreeWithTheHighestNetSpend() {
        UUID customer = newCustomer();
        purchase(customer, daysAgo(1), new Line("A", "toys", 1, 500), new Line("B", "books", 3, 1000),
                new Line("C", "garden", 1, 2000), new Line("D", "food", 1, 100));
        purchase(customer, daysAgo(2), new Line("E", "toys", 2, 1000));
        insight(customer).body("topCategories", equalTo(List.of("books", "toys", "garden")));
    }

    @Test
    void rfmScoresAreQuintilesOverActiveCustomersWithPurchases() {
        UUID oldest = customerWithPurchases(1, Instant.parse("2000-01-01T00:00:00Z"));
        UUID biggest = customerWithPurchases(1_000_000_000_000L, daysAgo(3));
        UUID mostFrequent = customerWithPurchases(10, new Instant[] { daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(4),
                daysAgo(5), daysAgo(6), daysAgo(7), daysAgo(8), daysAgo(9), daysAgo(10), daysAgo(11), daysAgo(12),
                daysAgo(13), daysAgo(14), daysAgo(15), daysAgo(16), daysAgo(17), daysAgo(18), daysAgo(19), daysAgo(20) });
        UUID latest = customerWithPurchases(10, Instant.now().plus(Duration.ofMinutes(4)));
        UUID prospect = newCustomer();

        asStaff("admin-1", Roles.ADMIN, () -> given().post("/api/v1/customers/insight/recompute").then().statusCode(200)
                .body("customers", greaterThan(5)));

        insight(oldest).body("recencyScore", equalTo(1));
        insight(biggest).body("monetaryScore", equalTo(5));
        insight(mostFrequent).body("frequencyScore", equalTo(5));
        insight(latest).body("recencyScore", equalTo(5));
        insight(prospect).body("recencyScore", nullValue()).body("frequencyScore", nullValue())
                .body("monetaryScore", nullValue());

        QuarkusTransaction.requiringNew().run(() -> {
            // ntile: five buckets whose sizes differ by at most one.
            for (String score : List.of("recency_score", "frequency_score", "monetary_score")) {
                @SuppressWarnings("unchecked")
                List<Number> sizes = entityManager.createNativeQuery("select count(*) from customer_insight where "
                        + score + " is not null group by " + score).getResultList();
                assertThat(sizes).hasSize(5);
                long min = sizes.stream().mapToLong(Number::longValue).min().orElseThrow();
                long max = sizes.stream().mapToLong(Number::longValue).max().orElseThrow();
                assertThat(max - min).as(score).isLessThanOrEqualTo(1);
            }
            // A better value never gets a lower score.
            assertThat(inversions("net_spend_minor", "monetary_score")).isZero();
            assertThat(inversions("purchase_count", "frequency_score")).isZero();
            assertThat(inversions("last_purchase_at", "recency_score")).isZero();
            Number unscoredBuyers = (Number) entityManager.createNativeQuery(
                    "select count(*) from customer_insight where purchase_count > 0 and recency_score is null")
                    .getSingleResult();
            assertThat(unscoredBuyers.longValue()).isZero();
        });
    }

    private long inversions(String value, String score) {
        return ((Number) entityManager.createNativeQuery("select count(*) from customer_insight a join customer_insight b"
                + " on a." + value + " > b." + value + " and a." + score + " < b." + score).getSingleResult()).longValue();
    }

    @Test
    void recomputationUnderTheRoutedPrefixIsSafeToRepeat() {
        UUID customer = customerWithPurchases(900, daysAgo(5), daysAgo(3));
        asStaff("admin-1", Roles.ADMIN, () -> {
            given().post("/api/v1/customers/insight/recompute").then().statusCode(200)
                    .body("customers", greaterThan(0)).body("computedAt", notNullValue());
            var first = insight(customer).extract();
            given().post("/api/v1/customers/insight/recompute").then().statusCode(200);
            insight(customer).body("recencyScore", equalTo(first.<Integer> path("recencyScore")))
                    .body("frequencyScore", equalTo(first.<Integer> path("frequencyScore")))
                    .body("monetaryScore", equalTo(first.<Integer> path("monetaryScore")));
            // The gateway never forwards /admin; the old path is gone rather than kept unreachable.
            given().post("/admin/insight/recompute").then().statusCode(404);
        });
        // "insight" is a literal segment, never taken for a customer id.
        given().header(CallerAccess.PURPOSE_HEADER, PURPOSE).get("/api/v1/customers/" + customer + "/insight").then()
                .statusCode(200);
    }

    @Test
    void recomputationIsForAdminsOnly() {
        given().post("/api/v1/customers/insight/recompute").then().statusCode(403);
        asStaff("agent-1", Roles.AGENT, () -> given().post("/api/v1/customers/insight/recompute").then().statusCode(403));
    }

    @Test
    void feedbackServiceReadsStageAndValueAndGets404ForUnknownOrErased() {
        UUID customer = customerWithPurchases(10_000, daysAgo(0));
        UUID erased = newCustomer();
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/customers/" + erased + "/erasure").then().statusCode(201);
        asService("feedback-service", () -> {
            given().get("/internal/v1/customers/" + customer + "/value").then().statusCode(200)
                    .body("customerId", equalTo(customer.toString()))
                    .body("lifecycleStage", equalTo("first_purchase"))
                    .body("lifetimeValueMinor", equalTo(40_000));
            given().get("/internal/v1/customers/" + UUID.randomUUID() + "/value").then().statusCode(404)
                    .body("code", equalTo("customer-not-found"));
            given().get("/internal/v1/customers/" + erased + "/value").then().statusCode(404);
        });
        given().get("/internal/v1/customers/" + customer + "/value").then().statusCode(403);
    }

    @Test
    void theScheduledJobAndARefreshAgree() {
        UUID customer = customerWithPurchases(500, daysAgo(3), daysAgo(2));
        var before = insight(customer).extract();
        assertThat(insights.recomputeAll()).isNotNull();
        insight(customer).body("lifecycleStage", equalTo(before.path("lifecycleStage")))
                .body("lifetimeValueMinor", equalTo(before.<Integer> path("lifetimeValueMinor")))
                .body("recencyScore", notNullValue());
    }
}
