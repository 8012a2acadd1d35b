package city.neotropolis.neobank.reversals;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/admin/transactions/{id}/reverse}: a GM undoes one journal row, with a reason. */
@Path("admin")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ReversalResource {

    public record ReverseRequest(String reason) {}

    private final ReversalService reversals;

    public ReversalResource(ReversalService reversals) {
        this.reversals = reversals;
    }

    @POST
    @Path("transactions/{id}/reverse")
    public Response reverse(
            @Auth Player gm,
            @PathParam("id") String id,
            ReverseRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        long txId = transactionId(id);
        Input.required(body, "request body");
        return reversals.reverse(gm, txId, body.reason(), idempotencyKey);
    }

    static long transactionId(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}") || Long.parseLong(raw) < 1) {
            throw ApiException.badRequest("transaction id must be a whole number of at least 1");
        }
        return Long.parseLong(raw);
    }
}
