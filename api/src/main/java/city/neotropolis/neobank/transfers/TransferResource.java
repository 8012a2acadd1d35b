package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
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
@Path("v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TransferResource {
    public static final int MEMO_MAX = 140;

    public record TransferRequest(String toAccount, Credits amount, String memo) {}

    public record TransferReply(String message, TxView transaction, Credits newBalance) {}

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AccountDirectory directory;
    private final RateLimiter limiter;
    private final RateLimiter.Rule perPlayer;
    private final Credits maxAmount;

    public TransferResource(Ledger ledger, Idempotency idempotency, AccountDirectory directory, RateLimiter limiter,
                            RateLimiter.Rule perPlayer, Credits maxAmount) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.directory = directory;
        this.limiter = limiter;
        this.perPlayer = perPlayer;
        this.maxAmount = maxAmount;
    }

    @POST
    public Response transfer(@Auth Player player, TransferRequest body,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Input.required(body, "request body");
        limiter.check(perPlayer, player.principalKey());
        Input.required(body.toAccount(), "to_account");
        Credits amount = Input.positiveAmount(body.amount(), maxAmount, "amount");
        String memo = Input.optionalText(body.memo(), "memo", MEMO_MAX);
        AccountDirectory.Ref to = directory.find(AccountNumbers.normalize(body.toAccount()))
                .filter(r -> !r.isSystem())
                .orElseThrow(() -> ApiException.badRequest("Recipient account not found"));
        if (to.id() == player.id()) {
            throw ApiException.badRequest("You cannot send credits to yourself");
        }
        TransferRequest normalized = new TransferRequest(to.accountNumber(), amount, memo == null ? "" : memo);
        Movement m = Movement.of(player.id(), to.id(), amount, TxType.TRANSFER, normalized.memo(),
                "player:" + player.accountNumber()).withIdempotencyKey(idempotencyKey);
        return idempotency.run(player.principalKey(), idempotencyKey, "POST /api/v1/transactions", normalized, s -> {
            Posting p = ledger.post(s, m);
            return new Idempotency.Reply(201, new TransferReply("Transfer successful", p.transaction(),
                    p.fromBalance()));
        });
    }
}
