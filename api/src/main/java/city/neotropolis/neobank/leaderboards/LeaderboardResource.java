package city.neotropolis.neobank.leaderboards;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/leaderboards} and a player's opt-out. */
@Path("v1/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class LeaderboardResource {

    public record OptOutRequest(Boolean optOut) {}

    public record OptOutReply(String message, boolean optOut) {}

    private final LeaderboardService boards;

    public LeaderboardResource(LeaderboardService boards) {
        this.boards = boards;
    }

    @GET
    public LeaderboardService.Boards boards(@Auth Player player) {
        return boards.boards(player);
    }

    @PUT
    @Path("opt-out")
    public OptOutReply optOut(@Auth Player player, OptOutRequest body) {
        boolean out = Input.required(Input.required(body, "request body").optOut(), "opt_out");
        boards.setOptOut(player, out);
        return new OptOutReply(
                out ? "You no longer appear by name on the leaderboards" : "You appear by name on the leaderboards",
                out);
    }
}
