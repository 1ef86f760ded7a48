package io.motcrm.customer.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Keycloak's admin API as the confidential client {@code motcrm.identity.client-id} (client credentials,
 * its token cached until shortly before it expires). Any failure to get an answer (Keycloak down, a 5xx,
 * a refused token) is {@code 503 identity-provider-unavailable}, which the outbox relay retries; a user
 * that is not there (404) is an answer.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);
    private static final int MAX_USERS = 100;

    @Inject
    IdentityConfig config;

    @Inject
    Clock clock;

    private volatile KeycloakAdminApi api;
    private volatile Token token;

    /** A user as the admin API lists it: only what erasure reads. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, Map<String, List<String>> attributes) {

        /** Whether the attribute {@code customer_id} really names this customer (the search may match loosely). */
        public boolean isCustomer(UUID customerId) {
            return attributes != null && attributes.getOrDefault(IdentityAccounts.ATTRIBUTE, List.of())
                    .contains(customerId.toString());
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    private record Token(String authorization, Instant refreshAfter) {
    }

    /** The users whose attribute {@code customer_id} is the customer's id, as Keycloak's search finds them. */
    public List<User> usersOf(UUID customerId) {
        String what = "search users";
        return call(what, api -> api.users(config.realm(), authorization(),
                IdentityAccounts.ATTRIBUTE + ":" + customerId, true, false, MAX_USERS), response -> {
                    if (response.getStatus() == 404) {
                        throw unavailable("Keycloak has no realm " + config.realm());
                    }
                    return response.readEntity(new GenericType<List<User>>() {
                    });
                });
    }

    /** The user's effective realm role names; empty when the user is gone. */
    public Optional<Set<String>> realmRoles(String userId) {
        return call("read the roles of a user", api -> api.realmRoles(config.realm(), authorization(), userId),
                response -> response.getStatus() == 404 ? Optional.empty()
                        : Optional.of(response.readEntity(new GenericType<List<Role>>() {
                        }).stream().map(Role::name).collect(Collectors.toSet())));
    }

    /** Deletes the user; false when it was gone already. */
    public boolean delete(String userId) {
        return call("delete a user", api -> api.deleteUser(config.realm(), authorization(), userId),
                response -> response.getStatus() != 404);
    }

    /** One call; {@code answer} reads a 2xx or 404 answer, anything else is a failure to retry. */
    private <T> T call(String what, Function<KeycloakAdminApi, Response> request, Function<Response, T> answer) {
        try (Response response = request.apply(api())) {
            int status = response.getStatus();
            if (status == 401) {
                token = null;
            }
            if (status >= 300 && status != 404) {
                throw unavailable("Keycloak answered " + status + " to '" + what + "'");
            }
            return answer.apply(response);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable("Keycloak did not answer '" + what + "': " + e.getClass().getSimpleName());
        }
    }

    private String authorization() {
        Token current = token;
        if (current == null || clock.instant().isAfter(current.refreshAfter())) {
            current = fetchToken();
            token = current;
        }
        return current.authorization();
    }

    private synchronized Token fetchToken() {
        try (Response response = api().token(config.realm(), "client_credentials", config.clientId(),
                config.clientSecret())) {
            if (response.getStatus() != 200) {
                throw unavailable("Keycloak refused a token to client " + config.clientId() + " (status "
                        + response.getStatus() + ")");
            }
            TokenAnswer answer = response.readEntity(TokenAnswer.class);
            Instant refreshAfter = clock.instant().plusSeconds(answer.expiresIn()).minus(EARLY_REFRESH);
            return new Token("Bearer " + answer.accessToken(), refreshAfter);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable("Keycloak did not answer a token request: " + e.getClass().getSimpleName());
        }
    }

    private KeycloakAdminApi api() {
        KeycloakAdminApi current = api;
        if (current == null) {
            long timeout = config.timeout().toMillis();
            current = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(config.keycloakUrl().replaceAll("/+$", "")))
                    .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                    .readTimeout(timeout, TimeUnit.MILLISECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(KeycloakAdminApi.class);
            api = current;
        }
        return current;
    }

    private static ProblemException unavailable(String detail) {
        Log.warnf("Identity erasure: %s; the outbox retries", detail);
        return new ProblemException(CustomerProblem.IDENTITY_PROVIDER_UNAVAILABLE, detail)
                .withHeader("Retry-After", "10");
    }
}
