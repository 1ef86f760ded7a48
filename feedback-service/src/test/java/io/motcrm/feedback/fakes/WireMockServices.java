package io.motcrm.feedback.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.motcrm.platform.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * customer-service, loyalty-service and the identity provider played by WireMock servers on dynamic
 * ports, for tests that inject faults at the HTTP level (status codes, delays, broken connections). The
 * REST client and the outbox are pointed at them, and the service-token client is switched on against
 * the identity provider's stubbed token endpoint, so outbound calls carry a bearer token as in
 * production. Tests get the servers through fields annotated {@link CustomerService} and
 * {@link LoyaltyService}.
 */
public class WireMockServices implements QuarkusTestResourceLifecycleManager {

    /** The token every outbound call carries (what the stubbed identity provider hands out). */
    public static final String SERVICE_TOKEN = "wiremock-service-token";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface CustomerService {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface LoyaltyService {
    }

    private WireMockServer customers;
    private WireMockServer loyalty;
    private WireMockServer identity;

    @Override
    public Map<String, String> start() {
        customers = started();
        loyalty = started();
        identity = started();
        identity.stubFor(post(urlEqualTo("/realms/motcrm/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        return Map.of(
                "quarkus.rest-client.customer-api.url", url(customers),
                "quarkus.rest-client.loyalty-api.url", url(loyalty),
                "quarkus.oidc-client.auth-server-url", url(identity) + "/realms/motcrm",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/protocol/openid-connect/token",
                "quarkus.oidc-client.credentials.secret", "wiremock-test-secret");
    }

    /**
     * A server of its own per service, so that one can be stopped alone; on a fixed free port, so that a
     * stopped server comes back where the application expects it.
     */
    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePorts.next()));
        server.start();
        return server;
    }

    private static String url(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(customers,
                new TestInjector.AnnotatedAndMatchesType(CustomerService.class, WireMockServer.class));
        testInjector.injectIntoFields(loyalty,
                new TestInjector.AnnotatedAndMatchesType(LoyaltyService.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[] { customers, loyalty, identity }) {
            if (server != null) {
                server.stop();
            }
        }
    }
}
