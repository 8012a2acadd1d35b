package city.neotropolis.neobank.external;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GM routes for chips: link, list, block, unblock, set limits, unlink ({@code /api/admin/chips}). */
@Path("admin/chips")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ChipAdminResource {
    public record Message(String message) {}

    private final ChipService chips;

    public ChipAdminResource(ChipService chips) {
        this.chips = chips;
    }

    @POST
    public Response link(@Auth Player gm, ChipService.LinkRequest body) {
        ChipView chip = chips.link(gm, body);
        return Response.status(201)
                .entity(new ChipResource.Changed("Chip linked to " + chip.accountNumber(), chip))
                .build();
    }

    @GET
    public ChipResource.Chips list(
            @Auth Player gm,
            @QueryParam("account_number") String accountNumber,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return new ChipResource.Chips(chips.list(
                accountNumber,
                (int) number(limit, 200, 1, 1000, "limit"),
                number(offset, 0, 0, Long.MAX_VALUE / 2, "offset")));
    }

    @POST
    @Path("{id}/block")
    public ChipResource.Changed block(@Auth Player gm, @PathParam("id") String id) {
        return new ChipResource.Changed("Chip blocked", chips.block(gm, ChipResource.chipId(id), true));
    }

    @POST
    @Path("{id}/unblock")
    public ChipResource.Changed unblock(@Auth Player gm, @PathParam("id") String id) {
        return new ChipResource.Changed("Chip unblocked", chips.block(gm, ChipResource.chipId(id), false));
    }

    @PUT
    @Path("{id}/limits")
    public ChipResource.Changed limits(@Auth Player gm, @PathParam("id") String id, ChipService.LimitsRequest body) {
        return new ChipResource.Changed("Chip limits set", chips.limits(gm, ChipResource.chipId(id), body));
    }

    @DELETE
    @Path("{id}")
    public Message unlink(@Auth Player gm, @PathParam("id") String id) {
        chips.unlink(gm, ChipResource.chipId(id));
        return new Message("Chip unlinked");
    }

    private static long number(String raw, long dflt, long min, long max, String field) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        if (!raw.matches("[0-9]{1,18}") || Long.parseLong(raw) < min || Long.parseLong(raw) > max) {
            throw ApiException.badRequest(field + " must be a whole number from " + min + " to " + max);
        }
        return Long.parseLong(raw);
    }
}
