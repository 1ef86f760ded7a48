package io.motcrm.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.motcrm.gateway.GatewayConfig.Access;
import io.motcrm.gateway.routing.RouteTable;
import io.motcrm.gateway.support.Callers;
import io.motcrm.gateway.support.InjectStubs;
import io.motcrm.gateway.support.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The one published document matches the routes: what it shows is routed, and every route is shown. */
@QuarkusTest
class OpenApiTest {

    @Inject
    RouteTable routes;

    @Inject
    OpenApiAggregator aggregator;

    @InjectStubs
    StubServices stubs;

    @BeforeEach
    void fresh() {
        stubs.reset();
        aggregator.forget();
    }

    private JsonPath document() {
        return given().get("/openapi").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void servicePathsTheGatewayDoesNotRouteAreLeftOut() {
        Map<String, Object> paths = document().getMap("paths");
        assertThat(paths).containsKeys("/api/v1/customers", "/api/v1/customers/{customerId}",
                "/api/v1/loyalty/customers/{customerId}/balance", "/partner/v1/redemptions", "/api/v1/mot/stream",
                "/public/v1/feedback/{touchpointToken}", "/api/v1/customers/{customerId}/360", "/api/v1/me/export");
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal") || path.startsWith("/admin")
                || path.startsWith("/q/"));
        assertThat(paths).doesNotContainKey("/api/v1/customers/{customerId}/not-ours");
    }

    @Test
    void theGatewaysOwnExportReplacesTheCustomerServicesPart() {
        JsonPath document = document();
        assertThat(document.getString("paths.'/api/v1/customers/{customerId}/export'.get.summary"))
                .contains("from all services");
    }

    @Test
    void theDocumentOffersBearerTokensAndTheAuthorizationCodeFlow() {
        JsonPath document = document();
        assertThat(document.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(document.getString("components.securitySchemes.oidc.flows.authorizationCode.authorizationUrl"))
                .isEqualTo("https://keycloak.motcrm.test/realms/motcrm/protocol/openid-connect/auth");
        assertThat(document.getString("components.securitySchemes.oidc.flows.authorizationCode.tokenUrl"))
                .isEqualTo("https://keycloak.motcrm.test/realms/motcrm/protocol/openid-connect/token");
        assertThat(document.getList("security")).hasSize(2);
        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("bearer", "oidc");
        assertThat(document.getList("paths.'/public/v1/feedback/{touchpointToken}'.post.security")).isEmpty();
        assertThat(document.getList("paths.'/api/v1/customers'.get.security")).isNull();
    }

    @Test
    void schemasOfTheSameNameFromDifferentServicesAreKeptApart() {
        JsonPath document = document();
        assertThat(document.getMap("components.schemas")).containsKeys("Summary", "LoyaltySummary", "FeedbackSummary", "Problem");
        assertThat(document.getString("paths.'/api/v1/loyalty/customers/{customerId}/balance'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/LoyaltySummary");
        assertThat(document.getMap("components.schemas.LoyaltySummary.properties")).containsKey("tier");
    }

    @Test
    void everyRoutedPrefixIsDocumented() {
        JsonPath document = document();
        Map<String, Object> paths = document.getMap("paths");
        for (RouteTable.Route route : routes.routes()) {
            assertThat(paths.keySet()).as("documented paths under %s", route.prefix())
                    .anyMatch(path -> path.equals(route.prefix()) || path.startsWith(route.prefix() + "/"));
        }
        assertThat(document.getList("x-motcrm-coverage.undocumentedPrefixes")).isEmpty();
        assertThat(document.getList("x-motcrm-coverage.unavailableServices")).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsRouted() {
        JsonPath document = document();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> unrouted = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().forEach(method -> {
            String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            var request = given().header("X-Access-Purpose", "api check").contentType("application/json").body("{}");
            if (path.startsWith("/partner/")) {
                request.header("Authorization", Callers.partner("doc-" + UUID.randomUUID()));
            } else if (path.startsWith("/api/v1/me/")) {
                request.header("Authorization", Callers.customer(UUID.randomUUID()));
            } else if (routes.match(path).map(route -> route.access() != Access.ANONYMOUS).orElse(true)) {
                request.header("Authorization", Callers.agent());
            } else {
                request.header("X-Forwarded-For", "100.64.0." + (1 + (int) (Math.random() * 250)));
            }
            Response response = request.request(method.toUpperCase(), path);
            boolean reachedAService = response.getHeader("X-Stub-Service") != null;
            boolean servedHere = routes.isOwn(path) || path.startsWith("/api/v1/me/");
            if (!(reachedAService || servedHere && response.statusCode() == 200)) {
                unrouted.add(method + " " + template + " -> " + response.statusCode());
            }
        }));
        assertThat(unrouted).isEmpty();
    }

    @Test
    void aServiceThatIsDownKeepsItsLastDocument() {
        document();
        aggregator.forget();
        stubs.down(StubServices.LOYALTY);
        assertThat(document().getMap("paths")).containsKey("/partner/v1/redemptions");
    }

    @Test
    void swaggerUiShowsTheGatewaysDocument() {
        given().get("/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/openapi").then().statusCode(200).header("Content-Security-Policy", equalTo(
                "default-src 'none'; frame-ancestors 'none'"));
    }
}
