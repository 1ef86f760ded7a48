package io.motcrm.customer.purchase;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.customer.Fixtures.purchase;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.Fixtures.Line;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "supervisor-ryu", roles = "supervisor")
class MyPurchaseResourceTest {

    static final String PATH = "/api/v1/me/purchases";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aCustomerListsTheirOwnPurchases() {
        UUID self = newCustomer();
        UUID other = newCustomer();
        UUID older = purchase(self, NOW.minusSeconds(60), new Line("TEA", "tea", 1, 1000));
        UUID newer = purchase(self, NOW, new Line("CUP", "tableware", 2, 500));
        purchase(other, NOW, new Line("TEA", "tea", 1, 1000));
        asCustomer(self, () -> given().get(PATH).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(newer.toString(), older.toString())))
                .body("nextCursor", nullValue()));
        asCustomer(self, () -> given().queryParam("limit", 1).get(PATH).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue()));
    }

    @Test
    void purchasesAtTheSameMomentArePagedOneByOneWithoutRepeatsOrGaps() {
        UUID self = newCustomer();
        java.util.Set<String> bought = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            bought.add(purchase(self, NOW, new Line("SKU" + i, "tea", 1, 100)).toString());
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        asCustomer(self, () -> {
            String after = null;
            do {
                var page = given().queryParam("limit", 1).queryParam("after", after == null ? "" : after).get(PATH)
                        .then().statusCode(200).body("items", hasSize(1)).extract();
                seen.add(page.path("items[0].id"));
                after = page.path("nextCursor");
            } while (after != null);
            given().queryParam("after", "bm90LWEtY3Vyc29y").get(PATH).then().statusCode(400)
                    .body("code", equalTo("invalid-cursor"));
        });
        assertThat(seen).hasSize(4).containsExactlyInAnyOrderElementsOf(bought);
    }

    @Test
    void aCustomerReadsOneOfTheirPurchasesButNotAnotherCustomers() {
        UUID self = newCustomer();
        UUID other = newCustomer();
        UUID mine = purchase(self, NOW, new Line("TEA", "tea", 3, 1000));
        UUID theirs = purchase(other, NOW, new Line("TEA", "tea", 1, 1000));
        asCustomer(self, () -> {
            given().get(PATH + "/" + mine).then().statusCode(200)
                    .body("id", equalTo(mine.toString())).body("totalMinor", equalTo(3000));
            given().get(PATH + "/" + theirs).then().statusCode(404).body("code", equalTo("purchase-not-found"));
        });
    }

    @Test
    void staffHaveNoPurchasesOfTheirOwn() {
        given().get(PATH).then().statusCode(403).body("code", equalTo("forbidden"));
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(403);
    }
}
