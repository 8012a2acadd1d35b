package city.neotropolis.neobank.leaderboards;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code PUT /api/admin/leaderboards {enabled}}: the GMs' switch (off by default). */
@Path("admin/leaderboards")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class LeaderboardAdminResource {

    public record SwitchRequest(Boolean enabled) {}

    public record SwitchReply(String message, boolean enabled) {}

    private final LeaderboardService boards;

    public LeaderboardAdminResource(LeaderboardService boards) {
        this.boards = boards;
    }

    @PUT
    public SwitchReply setSwitch(@Auth Player gm, SwitchRequest body) {
        boolean on = Input.required(Input.required(body, "request body").enabled(), "enabled");
        boards.setEnabled(gm, on);
        return new SwitchReply(on ? "Players can now see the leaderboards" : "Leaderboards hidden from players", on);
    }
}
