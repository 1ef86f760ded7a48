package io.motcrm.customer.identity;

import java.util.List;
import java.util.Map;

import io.motcrm.platform.testing.FreePorts;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Erasures delete the Keycloak account (the stand-in {@link KeycloakStub}); the outbox reaches this
 * service itself on a fixed test port.
 */
public class IdentityEnabled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        int port = FreePorts.next();
        return Map.of("motcrm.identity.enabled", "true",
                "quarkus.http.test-port", String.valueOf(port),
                "quarkus.rest-client.identity-api.url", "http://localhost:" + port);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakStub.class));
    }
}
