package city.neotropolis.neobank.external;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A player's own chips: {@code GET /api/v1/chips}, {@code POST /api/v1/chips/{id}/block}. */
@Path("v1/chips")
@Produces(MediaType.APPLICATION_JSON)
public final class ChipResource {
    public record Chips(List<ChipView> chips) {}

    public record Changed(String message, ChipView chip) {}

    private final ChipService chips;

    public ChipResource(ChipService chips) {
        this.chips = chips;
    }

    @GET
    public Chips mine(@Auth Player player) {
        return new Chips(chips.mine(player));
    }

    @POST
    @Path("{id}/block")
    public Changed block(@Auth Player player, @PathParam("id") String id) {
        return new Changed("Chip blocked: it cannot pay until a GM unblocks it", chips.blockMine(player, chipId(id)));
    }

    /** A chip id from a path; anything else is a chip that does not exist. */
    static long chipId(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw ApiException.notFound("Chip not found");
        }
        return Long.parseLong(raw);
    }
}
