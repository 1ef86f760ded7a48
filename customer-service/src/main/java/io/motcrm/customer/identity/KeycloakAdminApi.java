package io.motcrm.customer.identity;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The few calls of Keycloak's token endpoint and admin API that erasure needs. Built by {@link KeycloakAdmin}
 * with the URL of {@code motcrm.identity.keycloak-url}; answers are read as {@link Response}, so that a 404
 * is an answer and not an exception.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@Produces(MediaType.APPLICATION_JSON)
interface KeycloakAdminApi {

    @POST
    @Path("/realms/{realm}/protocol/openid-connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(@PathParam("realm") String realm, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);

    /** Users by attribute, {@code q=customer_id:<id>}, with their attributes ({@code briefRepresentation=false}). */
    @GET
    @Path("/admin/realms/{realm}/users")
    Response users(@PathParam("realm") String realm, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("q") String query, @QueryParam("exact") boolean exact,
            @QueryParam("briefRepresentation") boolean briefRepresentation, @QueryParam("max") int max);

    /** The user's effective realm roles (composites and groups included). */
    @GET
    @Path("/admin/realms/{realm}/users/{id}/role-mappings/realm/composite")
    Response realmRoles(@PathParam("realm") String realm, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String userId);

    @DELETE
    @Path("/admin/realms/{realm}/users/{id}")
    Response deleteUser(@PathParam("realm") String realm, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String userId);
}
