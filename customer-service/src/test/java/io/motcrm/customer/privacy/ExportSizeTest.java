package io.motcrm.customer.privacy;

import static io.motcrm.customer.Callers.newCustomer;
import static io.motcrm.platform.testing.TestCallers.asCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** What customer-service's part of a busy customer's export weighs; printed, not timed. */
@QuarkusTest
@TestSecurity(user = "agent-size", roles = "agent")
class ExportSizeTest {

    static final int PURCHASES = 1_000;

    @Inject
    EntityManager entityManager;

    /** 1,000 purchases of two lines each over three years, every tenth partly returned. */
    void seed(UUID customer) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into purchase (id, customer_id, source, external_order_id, occurred_at, channel, touchpoint_code,
                                          total_minor, returned_minor, request_hash, recorded_at)
                    select gen_random_uuid(), :customer, 'web-shop', 'WS-' || left(cast(:customer as text), 8) || '-' || lpad(n::text, 6, '0'),
                           now() - n * interval '1 day', 'WEB', 'web-checkout', 2 * 12900 + 4500,
                           case when n % 10 = 0 then 4500 else 0 end, md5(n::text), now()
                    from generate_series(1, :n) n""").setParameter("customer", customer).setParameter("n", PURCHASES)
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    insert into purchase_line (purchase_id, line_no, sku, category, quantity, unit_price_minor, returned_quantity)
                    select p.id, l.no, case l.no when 1 then 'SKU-COFFEE-250G' else 'SKU-MUG-CERAMIC' end,
                           case l.no when 1 then 'coffee' else 'tableware' end, case l.no when 1 then 2 else 1 end,
                           case l.no when 1 then 12900 else 4500 end,
                           case when l.no = 2 and p.returned_minor > 0 then 1 else 0 end
                    from purchase p cross join (values (1), (2)) l(no) where p.customer_id = :customer""")
                    .setParameter("customer", customer).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into purchase_return (id, purchase_id, returned_minor, occurred_at, recorded_by)
                    select gen_random_uuid(), p.id, p.returned_minor, p.occurred_at + interval '2 days', 'service'
                    from purchase p where p.customer_id = :customer and p.returned_minor > 0""")
                    .setParameter("customer", customer).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into purchase_return_line (return_id, line_no, purchase_id, quantity)
                    select r.id, 2, r.purchase_id, 1
                    from purchase_return r join purchase p on p.id = r.purchase_id where p.customer_id = :customer""")
                    .setParameter("customer", customer).executeUpdate();
        });
    }

    @Test
    void aBusyCustomersExportIsPrinted() {
        UUID customer = newCustomer();
        seed(customer);
        asCustomer(customer, () -> {
            String body = given().get("/api/v1/customers/" + customer + "/export").then().statusCode(200)
                    .extract().asString();
            JsonPath json = JsonPath.from(body);
            assertThat(json.getList("purchases")).hasSize(PURCHASES);
            assertThat(json.getList("purchases.findAll { it.returns }")).hasSize(PURCHASES / 10);
            System.out.printf("customer-service export for %d purchases: %,d bytes (%.1f bytes a purchase)%n",
                    PURCHASES, body.length(), body.length() / (double) PURCHASES);
        });
    }
}
