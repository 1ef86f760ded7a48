package io.motcrm.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.motcrm.platform.security.Roles;
import io.motcrm.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Operations staff reach through the gateway although the services' own /admin paths are never forwarded. */
@QuarkusTest
class RouteTableTest {

    static final String RECOMPUTE = "/api/v1/customers/insight/recompute";

    @Inject
    RouteTable routes;

    @InjectStubs
    StubServices stubs;

    static String admin() {
        return TestTokens.bearer("admin-" + UUID.randomUUID(), Set.of(Roles.ADMIN), Map.of());
    }

    @Test
    void theInsightRecomputationIsRoutedToCustomerServiceAndItsOldAdminPathIsNot() {
        assertThat(routes.match(RECOMPUTE)).hasValueSatisfying(route -> {
            assertThat(route.upstream()).isEqualTo("customer-api");
            assertThat(route.prefix()).isEqualTo("/api/v1/customers");
        });
        assertThat(routes.isOwn(RECOMPUTE)).isFalse();
        assertThat(routes.match("/admin/insight/recompute")).isEmpty();
    }

    @Test
    void anAdminsRecomputationReachesCustomerService() {
        String token = admin();
        given().header("Authorization", token)
                .post(RECOMPUTE)
                .then().statusCode(200)
                .body("service", equalTo("customer-api"))
                .body("method", equalTo("POST"))
                .body("path", equalTo(RECOMPUTE))
                .body("headers.authorization", equalTo(token));

        int before = stubs.proxy(StubServices.CUSTOMER).connections();
        given().header("Authorization", admin())
                .post("/admin/insight/recompute")
                .then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(stubs.proxy(StubServices.CUSTOMER).connections()).isEqualTo(before);
    }
}
