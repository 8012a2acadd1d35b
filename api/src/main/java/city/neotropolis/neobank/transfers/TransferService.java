package city.neotropolis.neobank.transfers;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.ws.rs.core.Response;

/**
 * A player sends credits to another player: the checks that need no database (amount, memo), the
 * recipient (a player, not a system account, not yourself), then one posting, safe to retry.
 */
public final class TransferService {
    static final String ROUTE = "POST /api/v1/transactions";

    /** What identifies a transfer for safe retries: the recipient as stored, the amount, the memo. */
    record Normalized(String toAccount, Credits amount, String memo) {}

    /** The answer, with the sender's balance right after the transfer. */
    public record TransferReply(String message, TxView transaction, Credits newBalance) {}

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AccountDirectory directory;
    private final Credits maxAmount;

    public TransferService(Ledger ledger, Idempotency idempotency, AccountDirectory directory, Credits maxAmount) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.directory = directory;
        this.maxAmount = maxAmount;
    }

    public Response transfer(
            Player player, String toAccount, Credits requested, String rawMemo, String idempotencyKey) {
        Input.required(toAccount, "to_account");
        Credits amount = Input.positiveAmount(requested, maxAmount, "amount");
        String memo = Input.optionalText(rawMemo, "memo", Movement.MEMO_MAX);
        AccountDirectory.Ref to = directory
                .find(AccountNumbers.normalize(toAccount))
                .filter(r -> !r.isSystem())
                .orElseThrow(() -> ApiException.badRequest("Recipient account not found"));
        if (to.id() == player.id()) {
            throw ApiException.badRequest("You cannot send credits to yourself");
        }
        Normalized normalized = new Normalized(to.accountNumber(), amount, memo == null ? "" : memo);
        Movement m = Movement.of(
                        player.id(),
                        to.id(),
                        amount,
                        TxType.TRANSFER,
                        normalized.memo(),
                        "player:" + player.accountNumber())
                .withIdempotencyKey(idempotencyKey);
        return idempotency.run(player.principalKey(), idempotencyKey, ROUTE, normalized, s -> {
            Posting p = ledger.post(s, m);
            return new Idempotency.Reply(
                    201, new TransferReply("Transfer successful", p.transaction(), p.fromBalance()));
        });
    }
}
