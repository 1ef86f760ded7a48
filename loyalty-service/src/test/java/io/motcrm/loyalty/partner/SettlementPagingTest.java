package io.motcrm.loyalty.partner;

import static io.motcrm.loyalty.Events.register;
import static io.motcrm.loyalty.Fixtures.key;
import static io.motcrm.loyalty.Fixtures.partner;
import static io.motcrm.platform.testing.TestCallers.asPartner;
import static io.motcrm.platform.testing.TestCallers.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.motcrm.loyalty.LedgerInvariants;
import io.motcrm.platform.idempotency.Idempotency;
import io.motcrm.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-al", roles = { "service", "agent" })
class SettlementPagingTest {

    @AfterEach
    void checkLedger() {
        LedgerInvariants.check();
    }

    @Test
    void aSettlementPagesItsLinesAndKeepsItsTotalsOnEveryPage() {
        UUID customer = register();
        String partner = partner(3, 100);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        asPartner(partner, () -> {
            for (int i = 1; i <= 5; i++) {
                given().contentType(ContentType.JSON).header(Idempotency.HEADER, key())
                        .body("{\"memberCode\": \"M-%s\", \"amountMinor\": %d, \"reference\": \"r-%d\"}"
                                .formatted(customer.toString().substring(0, 8), i * 100, i))
                        .post("/partner/v1/earns").then().statusCode(201);
            }
            List<String> references = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                JsonPath page = request.get("/partner/v1/settlements/" + month).then().statusCode(200)
                        .body("earnedPoints", equalTo(15)).body("earnedValueMinor", equalTo(45))
                        .body("netValueMinor", equalTo(-45)).body("lineCount", equalTo(5))
                        .extract().jsonPath();
                references.addAll(page.getList("lines.reference", String.class));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(references).containsExactly("r-1", "r-2", "r-3", "r-4", "r-5");

            given().get("/partner/v1/settlements/" + month).then().statusCode(200).body("lines", hasSize(5))
                    .body("nextCursor", nullValue());
            given().queryParam("after", "garbage!").get("/partner/v1/settlements/" + month).then().statusCode(400)
                    .body("code", equalTo("invalid-cursor"));
            given().queryParam("limit", 1001).get("/partner/v1/settlements/" + month).then().statusCode(400)
                    .body("code", equalTo("validation-failed"));
        });
        asStaff("sup-sam", Roles.SUPERVISOR, () -> given().queryParam("limit", 4)
                .get("/api/v1/loyalty/partners/" + partner + "/settlements/" + month).then().statusCode(200)
                .body("lines", hasSize(4)).body("lineCount", equalTo(5)).body("earnedPoints", equalTo(15)));
    }
}
