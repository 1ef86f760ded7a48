package io.motcrm.loyalty.account;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.staffRead;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class StatementPagingTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    private static void spend(int points, String reference) {
        given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                .body("{\"points\": %d, \"reference\": \"%s\"}".formatted(points, reference))
                .post("/api/v1/me/loyalty/spends").then().statusCode(201);
    }

    @Test
    void aStatementIsPagedByCursorWithoutRepeatsWhileNewTransactionsArrive() {
        UUID customer = register();
        asCustomer(customer, () -> {
            for (int i = 1; i <= 5; i++) {
                spend(i, "s-" + i);
            }
            JsonPath first = given().queryParam("limit", 2).get("/api/v1/me/loyalty/statement").then().statusCode(200)
                    .body("totalItems", equalTo(6)).body("size", equalTo(2)).body("nextCursor", notNullValue())
                    .extract().jsonPath();
            List<String> seen = new ArrayList<>(first.getList("items.reference", String.class));
            // A new transaction between two pages: offset paging would show s-4 again, the cursor does not.
            spend(6, "s-6");
            String cursor = first.getString("nextCursor");
            while (cursor != null) {
                JsonPath page = given().queryParam("limit", 2).queryParam("after", cursor)
                        .get("/api/v1/me/loyalty/statement").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.reference", String.class));
                cursor = page.getString("nextCursor");
            }
            assertThat(seen).hasSize(6).doesNotHaveDuplicates();
            assertThat(seen.subList(0, 5)).allMatch(reference -> reference.startsWith("spend:"));
            assertThat(seen.get(0)).endsWith(":s-5");
            assertThat(seen.get(5)).startsWith("welcome:");

            // The page numbers still work, and lead on by cursor too.
            given().queryParam("page", 1).queryParam("size", 4).get("/api/v1/me/loyalty/statement").then()
                    .statusCode(200).body("items", hasSize(3)).body("page", equalTo(1)).body("totalItems", equalTo(7))
                    .body("nextCursor", nullValue());
            given().queryParam("page", 1).queryParam("after", first.getString("nextCursor"))
                    .get("/api/v1/me/loyalty/statement").then().statusCode(400).body("code", equalTo("invalid-cursor"));
            given().queryParam("after", "bm9wZQ").get("/api/v1/me/loyalty/statement").then().statusCode(400)
                    .body("code", equalTo("invalid-cursor"));
        });
        staffRead().queryParam("limit", 4).get("/api/v1/loyalty/customers/" + customer + "/statement").then()
                .statusCode(200).body("items", hasSize(4)).body("nextCursor", notNullValue());
    }
}
