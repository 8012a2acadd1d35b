package city.neotropolis.neobank.external;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Chips at a terminal: charge by a tag's UID ({@code charge}), link a tag ({@code chip:enrol}). */
@Path("v1/external/chips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ChipTerminalResource {
    private final ApiKeyAuthenticator keys;
    private final ChipService chips;

    public ChipTerminalResource(ApiKeyAuthenticator keys, ChipService chips) {
        this.keys = keys;
        this.chips = chips;
    }

    @POST
    @Path("charge")
    public Response charge(
            @HeaderParam(ExternalResource.KEY_HEADER) String key,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ChipService.ChargeRequest body) {
        return chips.charge(keys.authenticate(key), body, idempotencyKey);
    }

    @POST
    public Response enrol(@HeaderParam(ExternalResource.KEY_HEADER) String key, ChipService.EnrolRequest body) {
        ChipView chip = chips.enrol(keys.authenticate(key), body);
        return Response.status(201)
                .entity(new ChipResource.Changed("Chip linked to " + chip.accountNumber(), chip))
                .build();
    }
}
