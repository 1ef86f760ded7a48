package io.motcrm.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.motcrm.platform.web.CorrelationId;

/**
 * Headers for REST clients calling another service's {@code /internal} API: this service's own token and
 * the current correlation id. Use with {@code @RegisterClientHeaders(ServiceCallHeaders.class)}.
 */
@ApplicationScoped
public class ServiceCallHeaders implements ClientHeadersFactory {

    @Inject
    ServiceToken token;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token.authorization().ifPresent(value -> headers.putSingle("Authorization", value));
        if (outgoing.getFirst(CorrelationId.HEADER) == null) {
            // A client method may pass the id itself (a retry may run where the log context is gone).
            CorrelationId.current().ifPresent(id -> headers.putSingle(CorrelationId.HEADER, id));
        }
        return headers;
    }
}
