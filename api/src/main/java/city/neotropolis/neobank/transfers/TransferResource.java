package city.neotropolis.neobank.transfers;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.Input;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Player-to-player transfers. */
@Path(TransferResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TransferResource {
    static final String PATH = "v1/transactions";

    public record TransferRequest(String toAccount, Credits amount, String memo) {}

    private final TransferService transfers;
    private final RateLimiter limiter;
    private final RateLimiter.Rule perPlayer;

    public TransferResource(TransferService transfers, RateLimiter limiter, RateLimiter.Rule perPlayer) {
        this.transfers = transfers;
        this.limiter = limiter;
        this.perPlayer = perPlayer;
    }

    @POST
    public Response transfer(
            @Auth Player player, TransferRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Input.required(body, "request body");
        limiter.check(perPlayer, player.principalKey());
        return transfers.transfer(player, body.toAccount(), body.amount(), body.memo(), idempotencyKey);
    }
}
