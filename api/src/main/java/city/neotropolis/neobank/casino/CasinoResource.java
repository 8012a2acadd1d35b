package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.ParSheet;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The casino floor for players: the lobby, the two machines, and their own spin records. */
@Path(CasinoResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CasinoResource {
    static final String PATH = "v1/casino";
    private final CasinoGames games;
    private final CasinoConfigService configs;
    private final SpinService spins;
    private final SpinLookup lookup;
    private final RateLimiter limiter;
    private final RateLimiter.Rule perPlayer;

    CasinoResource(
            CasinoGames games,
            CasinoConfigService configs,
            SpinService spins,
            SpinLookup lookup,
            RateLimiter limiter,
            RateLimiter.Rule perPlayer) {
        this.games = games;
        this.configs = configs;
        this.spins = spins;
        this.lookup = lookup;
        this.limiter = limiter;
        this.perPlayer = perPlayer;
    }

    @GET
    @Path("games")
    public Map<String, List<GameView>> games(@Auth Player player) {
        return Map.of(
                "games",
                games.all().stream()
                        .map(g -> GameView.of(g, configs.one(g.name())))
                        .toList());
    }

    /** A setting's reel strips and weights: what a player needs to re-derive a spin from its seeds. */
    @GET
    @Path("games/{game}/reels")
    public Map<String, Object> reels(
            @Auth Player player,
            @PathParam("game") String game,
            @QueryParam("payout")
                    @Min(value = GameMath.MIN_PAYOUT, message = CasinoAdminResource.PAYOUT)
                    @Max(value = GameMath.MAX_PAYOUT, message = CasinoAdminResource.PAYOUT)
                    Integer payout) {
        CasinoGames.Game g = games.byName(game);
        int pct = payout != null ? payout : configs.one(g.name()).payoutPercentage();
        ParSheet sheet = g.math().sheet(pct);
        return Map.of("game", g.name(), "payout_percentage", pct, "reels", sheet.reels());
    }

    @POST
    @Path("{route}/spin")
    public Response spin(
            @Auth Player player,
            @PathParam("route") String route,
            SpinService.SpinRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CasinoGames.Game game = games.byRoute(route);
        limiter.check(perPlayer, player.principalKey());
        return spins.spin(player, game, body == null ? null : body.betAmount(), idempotencyKey);
    }

    /** The player's own spins, newest first; {@code next_cursor} pages back (the fairness panel's list). */
    public record SpinsReply(List<SpinLookup.SpinSummary> spins, Long nextCursor) {}

    private static final int SPINS_PAGE = 100;
    private static final String SPINS_LIMIT = "limit must be between 1 and " + SPINS_PAGE;
    private static final String SPINS_CURSOR = "before must be a spin id from next_cursor";

    @GET
    @Path("spins")
    public SpinsReply spins(
            @Auth Player player,
            @QueryParam("limit")
                    @DefaultValue("20")
                    @Min(value = 1, message = SPINS_LIMIT)
                    @Max(value = SPINS_PAGE, message = SPINS_LIMIT)
                    int limit,
            @QueryParam("before") @DefaultValue("" + Long.MAX_VALUE) @Min(value = 1, message = SPINS_CURSOR)
                    long before) {
        List<SpinLookup.SpinSummary> page = lookup.recentOwn(player.id(), before, limit);
        return new SpinsReply(
                page, page.size() == limit ? page.get(page.size() - 1).spinId() : null);
    }

    @GET
    @Path("spins/{id}")
    public SpinLookup.SpinView spin(@Auth Player player, @PathParam("id") String id) {
        // Not a number names no spin: the same 404 as an unknown or someone else's spin.
        try {
            return lookup.findOwn(Long.parseLong(id), player.id());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Spin not found");
        }
    }
}
