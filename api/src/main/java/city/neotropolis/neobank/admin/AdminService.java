package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountDao;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.CharacterNames;
import city.neotropolis.neobank.accounts.FactionNames;
import city.neotropolis.neobank.accounts.UserView;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.JournalDao;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** What GMs do to accounts: find, create, fix balances, reset passwords, freeze, grant GM rights. */
public final class AdminService {
    public static final int REASON_MAX = 140;
    public static final int SEARCH_MAX = 20;

    /** A user with their lifetime totals and latest movements. */
    public record Details(UserView user, Credits totalSent, Credits totalReceived, List<TxView> recentTransactions) {}

    /** The answer of a balance adjustment. */
    public record Adjusted(String message, TxView transaction, Credits newBalance) {}

    private record AdjustFingerprint(String accountNumber, Credits amount, String reason) {}

    private final Database db;
    private final AccountService accounts;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Passwords passwords;
    private final Principals principals;
    private final Credits maxAmount;

    public AdminService(
            Database db,
            AccountService accounts,
            Ledger ledger,
            Idempotency idempotency,
            AuditLog audit,
            Passwords passwords,
            Principals principals,
            Credits maxAmount) {
        this.db = db;
        this.accounts = accounts;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.audit = audit;
        this.passwords = passwords;
        this.principals = principals;
        this.maxAmount = maxAmount;
    }

    /** A character (never a system account) by account number; 404 "User not found" otherwise. */
    public Account user(String accountNumber) {
        String n = AccountNumbers.normalize(accountNumber);
        return (n == null ? java.util.Optional.<Account>empty() : accounts.byNumber(n))
                .filter(a -> !a.isSystem())
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    public List<Account> search(String q) {
        String query = q == null ? "" : Input.optionalText(q, "q", 64);
        String name = like(CharacterNames.key(query));
        String number = like(query.toUpperCase(Locale.ROOT));
        return db.reads().withExtension(AdminDao.class, dao -> dao.search(name, number, SEARCH_MAX));
    }

    public Details details(String accountNumber) {
        Account a = user(accountNumber);
        return db.snapshot(h -> {
            Account fresh = h.attach(AdminDao.class).byId(a.id()).orElseThrow();
            JournalDao journal = h.attach(JournalDao.class);
            return new Details(
                    UserView.of(fresh),
                    journal.totalSent(a.id()),
                    journal.totalReceived(a.id()),
                    journal.history(a.id(), Long.MAX_VALUE, 10));
        });
    }

    public Account create(Player gm, String characterName, String password, String faction, Credits balance) {
        String name = CharacterNames.clean(characterName);
        String f = FactionNames.optional(faction, "faction");
        Credits start = startingBalance(balance, "balance");
        String hash = password == null ? null : passwords.hashNew(password, "password");
        AccountService.NewAccount n =
                new AccountService.NewAccount(name, hash, f == null ? "" : f, false, start, actor(gm));
        return AccountService.guardNames(() -> db.writer().write(s -> {
            Account a = accounts.create(s, n);
            audit.record(
                    s,
                    gm.characterName(),
                    "create_user",
                    a.accountNumber(),
                    "name=" + a.characterName() + " faction=" + a.faction() + " balance=" + start
                            + (hash == null ? " (no login)" : ""));
            return a;
        }));
    }

    /** A starting balance a GM may give: zero or more, at most the configured maximum; the default when absent. */
    Credits startingBalance(Credits balance, String field) {
        if (balance == null) {
            return accounts.startingBalance();
        }
        if (balance.isNegative()) {
            throw ApiException.badRequest(field + " must not be negative");
        }
        if (balance.compareTo(maxAmount) > 0) {
            throw ApiException.badRequest(field + " must be at most " + maxAmount);
        }
        return balance;
    }

    public void resetPassword(Player gm, String accountNumber, String newPassword) {
        Account a = user(accountNumber);
        String hash = passwords.hashNew(newPassword, "new_password");
        db.writer().write(s -> {
            s.dao(AccountDao.class).updatePassword(a.id(), hash);
            audit.record(s, gm.characterName(), "reset_password", a.accountNumber(), "name=" + a.characterName());
            return null;
        });
        principals.invalidate(a.id());
    }

    /** Grants or removes GM rights; never on yourself. Removal retires the account's tokens at once. */
    public Account toggleAdmin(Player gm, String accountNumber) {
        Account a = user(accountNumber);
        if (a.id() == gm.id()) {
            throw ApiException.forbidden("You cannot change your own GM rights");
        }
        Account updated = db.writer().write(s -> {
            AdminDao dao = s.dao(AdminDao.class);
            boolean admin = !dao.byId(a.id()).orElseThrow().isAdmin();
            dao.setAdmin(a.id(), admin, admin ? 0 : 1);
            audit.record(
                    s,
                    gm.characterName(),
                    admin ? "grant_admin" : "revoke_admin",
                    a.accountNumber(),
                    "name=" + a.characterName());
            return dao.byId(a.id()).orElseThrow();
        });
        principals.invalidate(a.id());
        return updated;
    }

    /** Freezes or unfreezes; either way the account's tokens stop working at once. */
    public Account setFrozen(Player gm, String accountNumber, boolean frozen, String reason) {
        Account a = user(accountNumber);
        if (frozen && a.id() == gm.id()) {
            throw ApiException.forbidden("You cannot freeze your own account");
        }
        String why = Input.optionalText(reason, "reason", REASON_MAX);
        Account updated = db.writer().write(s -> {
            AdminDao dao = s.dao(AdminDao.class);
            dao.setFrozen(a.id(), frozen);
            audit.record(
                    s,
                    gm.characterName(),
                    frozen ? "freeze" : "unfreeze",
                    a.accountNumber(),
                    "name=" + a.characterName() + (why == null || why.isEmpty() ? "" : " reason=" + why));
            return dao.byId(a.id()).orElseThrow();
        });
        principals.invalidate(a.id());
        return updated;
    }

    /**
     * Mints (+) or burns (−) credits for one account with a reason, safe to retry: the checks first,
     * then one write unit with the journal row and its audit row.
     */
    public Response adjustBalance(
            Player gm, String accountNumber, Credits requested, String rawReason, String idempotencyKey) {
        Credits amount = adjustment(requested);
        String reason = reason(rawReason);
        Account a = user(accountNumber);
        return idempotency.run(
                gm.principalKey(),
                idempotencyKey,
                "POST /api/admin/users/adjust-balance",
                new AdjustFingerprint(a.accountNumber(), amount, reason),
                s -> new Idempotency.Reply(200, adjust(s, gm, a, amount, reason, idempotencyKey)));
    }

    /** Checks an adjustment before any writing: a non-zero amount within the maximum and a reason. */
    Credits adjustment(Credits amount) {
        Input.required(amount, "amount");
        if (amount.hundredths() == 0) {
            throw ApiException.badRequest("amount must not be zero");
        }
        if (amount.abs().compareTo(maxAmount) > 0) {
            throw ApiException.badRequest("amount must be at most " + maxAmount + " either way");
        }
        return amount;
    }

    public static String reason(String reason) {
        return Input.text(reason, "reason", 1, REASON_MAX);
    }

    /**
     * Mints (+) or burns (−) credits for one account, inside the caller's write unit, with its audit
     * row; the journal row carries the request's Idempotency-Key (null when there is none).
     */
    Adjusted adjust(WriteSession s, Player gm, Account a, Credits amount, String reason, String idempotencyKey)
            throws SQLException {
        long mint = ledger.system().mintId();
        Movement m = amount.isPositive()
                ? Movement.of(mint, a.id(), amount, TxType.ADMIN_ADJUSTMENT, reason, actor(gm))
                : Movement.of(a.id(), mint, amount.negate(), TxType.ADMIN_ADJUSTMENT, reason, actor(gm));
        Posting p = ledger.post(s, m.withIdempotencyKey(idempotencyKey).byGm());
        audit.record(
                s,
                gm.characterName(),
                "adjust_balance",
                a.accountNumber(),
                "amount=" + amount + " reason=" + reason + " tx="
                        + p.transaction().id());
        Credits balance = amount.isPositive() ? p.toBalance() : p.fromBalance();
        return new Adjusted("Balance adjusted by " + amount + " for " + a.characterName(), p.transaction(), balance);
    }

    static String actor(Player gm) {
        return "gm:" + gm.characterName();
    }

    static String like(String q) {
        return "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
