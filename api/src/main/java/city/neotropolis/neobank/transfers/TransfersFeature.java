package city.neotropolis.neobank.transfers;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;

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

    public void register(Environment env) {
        env.jersey().register(new TransferResource(transfers, limiter, perPlayer));
    }
}
