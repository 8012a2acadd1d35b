package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/admin/stipends}: scheduled pay from the mint, defined by GMs. */
@Path("admin/stipends")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class StipendResource {

    public record ListReply(List<StipendView> stipends) {}

    public record StipendReply(String message, StipendView stipend) {}

    public record MessageReply(String message) {}

    public record RunReply(String message, int slotsPaid, int slotsSkipped, int paymentsMade) {}

    private final StipendService stipends;

    public StipendResource(StipendService stipends) {
        this.stipends = stipends;
    }

    @GET
    public ListReply list() {
        return new ListReply(stipends.list());
    }

    @POST
    public Response create(@Auth Player gm, StipendService.Request body) {
        StipendView s = stipends.create(gm, body);
        return Response.status(201)
                .entity(new StipendReply("Stipend '" + s.name() + "' created", s))
                .build();
    }

    @GET
    @Path("{id}")
    public StipendService.Details details(@PathParam("id") String id) {
        return stipends.details(id(id));
    }

    @PUT
    @Path("{id}")
    public StipendReply edit(@Auth Player gm, @PathParam("id") String id, StipendService.Request body) {
        StipendView s = stipends.edit(gm, id(id), body);
        return new StipendReply("Stipend '" + s.name() + "' updated", s);
    }

    @POST
    @Path("{id}/pause")
    public StipendReply pause(@Auth Player gm, @PathParam("id") String id) {
        StipendView s = stipends.setPaused(gm, id(id), true);
        return new StipendReply("Stipend '" + s.name() + "' paused", s);
    }

    @POST
    @Path("{id}/resume")
    public StipendReply resume(@Auth Player gm, @PathParam("id") String id) {
        StipendView s = stipends.setPaused(gm, id(id), false);
        return new StipendReply("Stipend '" + s.name() + "' resumed; slots missed while paused are not paid", s);
    }

    @DELETE
    @Path("{id}")
    public MessageReply delete(@Auth Player gm, @PathParam("id") String id) {
        return new MessageReply("Stipend '" + stipends.delete(gm, id(id)) + "' deleted; its payments stay");
    }

    /** Pays what is due right now instead of waiting for the scheduler's next look. */
    @POST
    @Path("run-due")
    public RunReply runDue() {
        StipendPayer.Run r = stipends.runDue();
        return new RunReply(
                r.slotsPaid() + " slot(s) paid, " + r.slotsSkipped() + " skipped",
                r.slotsPaid(),
                r.slotsSkipped(),
                r.paymentsMade());
    }

    private static long id(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("stipend id must be a whole number");
        }
        return Long.parseLong(raw);
    }
}
