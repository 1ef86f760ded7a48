package io.motcrm.platform.outbox;

import io.motcrm.platform.Persistence;
import io.quarkus.arc.properties.IfBuildProperty;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of the outbox: what is stuck and why, and putting dead messages back in the queue
 * once the cause is fixed. Payloads are not shown: they may carry personal data.
 */
@IfBuildProperty(name = Persistence.ENABLED, stringValue = "true", enableIfMissing = true)
@Path("/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator")
public class OutboxAdminResource {

    public record MessagePage(List<MessageView> items, Long nextAfter) {
    }

    public record RequeueRequest(@NotEmpty @Size(max = 500) List<@NotNull @Positive Long> ids) {
    }

    public record RequeueResult(List<Long> requeued, List<Long> notDead) {
    }

    @Inject
    OutboxRelay relay;

    @GET
    @Operation(operationId = "listOutboxMessages", summary = "List outbox messages by status (dead ones by default), oldest first, keyset-paginated")
    public MessagePage list(@QueryParam("status") @DefaultValue("DEAD") OutboxStatus status,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<OutboxMessage> page = OutboxMessage.<OutboxMessage> find("status = ?1 and id > ?2 order by id", status, after)
                .page(0, size).list();
        Long next = page.size() == size ? page.get(page.size() - 1).id : null;
        return new MessagePage(page.stream().map(OutboxMessage::view).toList(), next);
    }

    @POST
    @Path("/requeue")
    @Operation(operationId = "requeueOutboxMessages", summary = "Put dead messages back in the queue for a fresh series of attempts; other ids are left alone")
    public RequeueResult requeue(@Valid @NotNull RequeueRequest request) {
        List<Long> ids = request.ids().stream().distinct().toList();
        List<Long> requeued = ids.stream().filter(relay::requeue).toList();
        return new RequeueResult(requeued, ids.stream().filter(id -> !requeued.contains(id)).toList());
    }
}
