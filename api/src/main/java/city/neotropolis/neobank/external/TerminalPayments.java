package city.neotropolis.neobank.external;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.db.Database;
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
 * What a terminal's key may do with money, decided by its scopes and its own account: charge a
 * player into it, pay out of it, or (GM-trusted keys only) move between any accounts. Every
 * movement is idempotent per key and re-checks in its write unit that the key is still active.
 */
public final class TerminalPayments {
    static final String ROUTE = "POST /api/v1/external/transactions";

    /** The body a terminal sends; {@code api_key} is the legacy place for the key. */
    public record Request(
            String fromAccount, String toAccount, Credits amount, String memo, String pin, String apiKey) {}

    /** What identifies a request for safe retries: never the PIN or the key. */
    record Normalized(String fromAccount, String toAccount, Credits amount, String memo) {}

    public record Reply(String message, TxView transaction) {}

    public record BalanceReply(String accountNumber, Credits balance) {}

    /** Which of its powers a key uses for one movement. */
    enum Kind {
        CHARGE,
        PAYOUT,
        TRANSFER_ANY
    }

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AccountDirectory directory;
    private final Database db;
    private final ApiKeyAuthenticator keys;
    private final TerminalPins pins;
    private final Credits bankMaxAmount;

    public TerminalPayments(
            Ledger ledger,
            Idempotency idempotency,
            AccountDirectory directory,
            Database db,
            ApiKeyAuthenticator keys,
            TerminalPins pins,
            Credits bankMaxAmount) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.directory = directory;
        this.db = db;
        this.keys = keys;
        this.pins = pins;
        this.bankMaxAmount = bankMaxAmount;
    }

    public Response move(ApiKey key, Request body, String idempotencyKey) {
        Input.required(body, "request body");
        if (!key.has(ApiKeyScope.CHARGE) && !key.has(ApiKeyScope.PAYOUT) && !key.has(ApiKeyScope.TRANSFER_ANY)) {
            throw ApiException.forbidden(
                    "This API key may not move credits (it needs the charge, payout or " + "transfer:any scope)");
        }
        Credits amount = Input.positiveAmount(body.amount(), bankMaxAmount, "amount");
        if (key.maxAmount() != null && amount.compareTo(key.maxAmount()) > 0) {
            throw ApiException.badRequest(
                    "amount is above this API key's limit of " + key.maxAmount() + " per transaction");
        }
        String memo = Input.optionalText(body.memo(), "memo", Movement.MEMO_MAX);
        AccountDirectory.Ref from = account(body.fromAccount(), key, "from_account", "Sender account not found");
        AccountDirectory.Ref to = account(body.toAccount(), key, "to_account", "Recipient account not found");
        if (from.id() == to.id()) {
            throw ApiException.badRequest("from_account and to_account must be different accounts");
        }
        Kind kind = kind(key, from, to);
        // A terminal that sends a PIN has it checked here (bcrypt, outside the writer); without one,
        // the unit itself refuses a player who has a PIN.
        boolean pinChecked = kind == Kind.CHARGE && body.pin() != null && pins.check(from.id(), body.pin());
        boolean pinNeeded = kind == Kind.CHARGE && !pinChecked;
        Normalized normalized =
                new Normalized(from.accountNumber(), to.accountNumber(), amount, memo == null ? "" : memo);
        Movement m = Movement.of(from.id(), to.id(), amount, TxType.EXTERNAL, normalized.memo(), key.principalKey())
                .withIdempotencyKey(idempotencyKey);
        return idempotency.run(key.principalKey(), idempotencyKey, ROUTE, normalized, s -> {
            keys.ensureActive(s, key);
            if (pinNeeded) {
                pins.refuseIfSet(s, from.id());
            }
            Posting p = ledger.post(s, m);
            return new Idempotency.Reply(201, new Reply("Transaction successful", p.transaction()));
        });
    }

    /** The balance of any player-visible account, for keys with balance:read. */
    public BalanceReply balance(ApiKey key, String accountNumber) {
        if (!key.has(ApiKeyScope.BALANCE_READ)) {
            throw ApiException.forbidden("This API key may not read balances (it needs the balance:read scope)");
        }
        AccountDirectory.Ref ref = directory
                .find(AccountNumbers.normalize(accountNumber))
                .filter(r -> !r.isSystem())
                .orElseThrow(() -> ApiException.notFound("Account not found"));
        Credits balance = db.reads()
                .withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE id = :id")
                        .bind("id", ref.id())
                        .mapTo(Long.class)
                        .findOne()
                        .map(Credits::new)
                        .orElseThrow(() -> ApiException.notFound("Account not found")));
        return new BalanceReply(ref.accountNumber(), balance);
    }

    /** A named account, or the key's own where the field is left out; never a system account. */
    private AccountDirectory.Ref account(String number, ApiKey key, String field, String notFound) {
        if (number == null) {
            if (key.accountNumber() == null) {
                throw ApiException.badRequest(field + " is required");
            }
            number = key.accountNumber();
        }
        AccountDirectory.Ref ref =
                directory.find(AccountNumbers.normalize(number)).orElseThrow(() -> ApiException.badRequest(notFound));
        if (ref.isSystem()) {
            throw ApiException.badRequest(
                    field.equals("from_account")
                            ? "System accounts (the mint, the casino house) cannot be charged"
                            : "System accounts (the mint, the casino house) cannot be paid by a terminal");
        }
        return ref;
    }

    /** Least privilege: the narrowest scope that allows this movement, or 403. */
    static Kind kind(ApiKey key, AccountDirectory.Ref from, AccountDirectory.Ref to) {
        if (key.has(ApiKeyScope.CHARGE) && key.owns(to.id())) {
            return Kind.CHARGE;
        }
        if (key.has(ApiKeyScope.PAYOUT) && key.owns(from.id())) {
            return Kind.PAYOUT;
        }
        if (key.has(ApiKeyScope.TRANSFER_ANY)) {
            return Kind.TRANSFER_ANY;
        }
        throw ApiException.forbidden("This API key may only "
                + (key.has(ApiKeyScope.CHARGE)
                        ? key.has(ApiKeyScope.PAYOUT) ? "charge into or pay out of" : "charge into"
                        : "pay out of")
                + " its own account " + key.accountNumber());
    }
}
