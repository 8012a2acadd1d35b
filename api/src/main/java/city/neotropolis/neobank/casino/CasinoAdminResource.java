package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.ParSheet;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The GM's casino controls: switches and odds, PAR sheets, and any spin by id. */
@Path("admin/casino")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Player.GM)
public final class CasinoAdminResource {
    /** A payout query parameter: absent means the configured one. */
    static final String PAYOUT =
            "payout must be a whole number from " + GameMath.MIN_PAYOUT + " to " + GameMath.MAX_PAYOUT;

    private final CasinoGames games;
    private final CasinoConfigService configs;
    private final SpinLookup lookup;

    CasinoAdminResource(CasinoGames games, CasinoConfigService configs, SpinLookup lookup) {
        this.games = games;
        this.configs = configs;
        this.lookup = lookup;
    }

    @GET
    @Path("config")
    public Map<String, List<Map<String, Object>>> config(@Auth Player gm) {
        return Map.of("games", configs.all().stream().map(this::view).toList());
    }

    @PUT
    @Path("config/{game}")
    public Map<String, Object> update(
            @Auth Player gm, @PathParam("game") String game, CasinoConfigService.Patch patch) {
        GameConfig c = configs.update(gm, game, patch);
        return Map.of("message", "Casino settings for " + c.gameName() + " updated", "config", view(c));
    }

    /** A configured game with the exact RTP its setting computes to. */
    private Map<String, Object> view(GameConfig c) {
        ParSheet sheet = games.byName(c.gameName()).math().sheet(c.payoutPercentage());
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("game_name", c.gameName());
        m.put("is_enabled", c.isEnabled());
        m.put("payout_percentage", c.payoutPercentage());
        m.put("min_bet", c.minBet());
        m.put("max_bet", c.maxBet());
        m.put("updated_at", c.updatedAt());
        m.put("rtp", sheet.rtp());
        return m;
    }

    @GET
    @Path("par/{game}")
    public ParSheet par(
            @Auth Player gm,
            @PathParam("game") String game,
            @QueryParam("payout")
                    @Min(value = GameMath.MIN_PAYOUT, message = PAYOUT)
                    @Max(value = GameMath.MAX_PAYOUT, message = PAYOUT)
                    Integer payout) {
        CasinoGames.Game g = games.byName(game);
        return g.math().sheet(payout != null ? payout : configs.one(g.name()).payoutPercentage());
    }

    @GET
    @Path("spins/{id}")
    public SpinLookup.SpinView spin(@Auth Player gm, @PathParam("id") String id) {
        try {
            return lookup.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Spin not found");
        }
    }
}
