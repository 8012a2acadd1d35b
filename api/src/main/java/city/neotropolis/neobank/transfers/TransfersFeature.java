package city.neotropolis.neobank.transfers;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.DirectRoutes;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;
import java.util.Optional;
import java.util.function.Function;

/** Player-to-player transfers: {@code POST /api/v1/transactions}. */
public final class TransfersFeature {
    private final TransferService transfers;
    private final RateLimiter limiter;
    private final RateLimiter.Rule perPlayer;

    public TransfersFeature(
            Ledger ledger,
            Idempotency idempotency,
            AccountDirectory directory,
            Credits maxAmount,
            RateLimiter limiter,
            RateLimiter.Rule perPlayer) {
        this.transfers = new TransferService(ledger, idempotency, directory, maxAmount);
        this.limiter = limiter;
        this.perPlayer = perPlayer;
    }

    /** {@code bearer}: who an Authorization header speaks for, for the route answered before Jersey. */
    public void register(Environment env, DirectRoutes direct, Function<String, Optional<Player>> bearer) {
        TransferResource resource = new TransferResource(transfers, limiter, perPlayer);
        env.jersey().register(resource);
        direct.post(
                "/api/" + TransferResource.PATH,
                TransferResource.TransferRequest.class,
                call -> bearer.apply(call.header("Authorization"))
                        .map(p -> new DirectRoutes.Answer(
                                p.id(), () -> resource.transfer(p, call.body(), call.header("Idempotency-Key"))))
                        .orElse(null));
    }
}
