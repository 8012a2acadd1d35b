package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.accounts.FactionKeysBackfill;
import city.neotropolis.neobank.accounts.NameSkeletonBackfill;
import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.ledger.OpeningBooks;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes the original NeoBank's contents into an empty NeoBank database in one transaction:
 * accounts, the history, balances ({@link OpeningBooks}), terminal keys, the audit log and the
 * casino switches; checks the ledger invariants before committing, and rolls everything back on a
 * dry run or any failure.
 */
public final class OriginalImport {
    static final String ACTOR = "system:import-original";
    private static final Map<String, TxType> TYPES = Map.of(
            "transfer", TxType.TRANSFER,
            "casino_bet", TxType.CASINO_BET,
            "casino_win", TxType.CASINO_WIN,
            "admin_adjustment", TxType.ADMIN_ADJUSTMENT);
    private static final int MAX_MEMO = 140;

    /** How to import: the account and scopes the original's keys get here, and whether to write at all. */
    public record Options(String keyAccount, List<String> keyScopes, boolean dryRun) {}

    private OriginalImport() {}

    /**
     * The whole import on {@code h} (autocommit, not yet in a transaction).
     *
     * @throws IllegalArgumentException when the original cannot be imported as it is; nothing is written
     * @throws IllegalStateException when the target is not an empty NeoBank database; nothing is written
     */
    public static ImportReport run(
            OriginalDatabase.Contents src, Handle h, Dialect dialect, Options options, Clock clock) {
        ImportReport report = new ImportReport();
        report.dryRun(options.dryRun());
        AccountPlan plan = new AccountPlan(src.users(), report);
        h.begin();
        boolean done = false;
        try {
            if (dialect == Dialect.POSTGRESQL) {
                // A service starting on this database meanwhile waits for us, then finds it taken.
                h.execute("LOCK TABLE accounts IN EXCLUSIVE MODE");
            }
            refuseUnlessEmpty(h);
            long now = clock.millis();
            Map<Long, Long> ids = TargetRows.insertAccounts(h, plan, report);
            // Names and factions as migration 005 leaves an existing database: skeletons (of two
            // look-alikes the older keeps it) and one spelling per faction, with its row.
            try {
                NameSkeletonBackfill.backfill(h.getConnection());
                FactionKeysBackfill.backfill(h.getConnection(), clock.millis());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not set name skeletons and faction keys: " + e.getMessage(), e);
            }
            List<OpeningBooks.HistoryRow> history = history(src, ids, report);
            Map<Long, Credits> balances = new LinkedHashMap<>();
            Map<Long, AccountPlan.Planned> byNewId = new HashMap<>();
            for (Map.Entry<Long, AccountPlan.Planned> e : plan.byOriginalId.entrySet()) {
                byNewId.put(ids.get(e.getKey()), e.getValue());
            }
            long mintId = TargetRows.idOf(h, plan.mint.number());
            long houseId = TargetRows.idOf(h, plan.house.number());
            balances.put(houseId, plan.house.balance());
            byNewId.put(houseId, plan.house);
            for (AccountPlan.Planned p : plan.players) {
                balances.put(ids.get(p.source().id()), p.balance());
            }
            List<OpeningBooks.Adjustment> adjustments =
                    OpeningBooks.open(h, dialect, mintId, history, balances, ACTOR, now);
            for (OpeningBooks.Adjustment a : adjustments) {
                AccountPlan.Planned p = byNewId.get(a.accountId());
                report.discrepancy(p.number() + " '" + p.name() + "': last shown " + a.balance()
                        + ", history adds up to " + a.history() + " -> import_adjustment "
                        + (a.difference().isPositive() ? "+" : "") + a.difference() + " (journal row #" + a.txId()
                        + ")");
            }
            int keys = TargetRows.insertKeys(h, src, ids, plan, options, report);
            TargetRows.insertAudit(h, src, ids, plan);
            TargetRows.casino(h, src, report);
            h.createUpdate("INSERT INTO audit_log (admin, action, target, details, created_at) "
                            + "VALUES (:a, 'IMPORT_ORIGINAL', '', :d, :t)")
                    .bind("a", ACTOR)
                    .bind(
                            "d",
                            "From " + src.source() + ": " + plan.players.size() + " characters, "
                                    + history.size() + " transactions, " + adjustments.size() + " adjustments, " + keys
                                    + " API keys")
                    .bind("t", now)
                    .execute();
            counts(report, src, plan, history.size(), adjustments.size(), keys);
            money(report, src, plan, h);
            if (plan.rewrittenHashes > 0) {
                report.change(plan.rewrittenHashes + " password hashes written by Python's bcrypt ($2b$/$2y$) "
                        + "stored as $2a$, the same hash under the prefix jBCrypt reads");
            }
            LedgerVerifier.Report v = LedgerVerifier.verify(h);
            if (!v.ok()) {
                throw new IllegalStateException(
                        "The imported books do not verify (" + v.violation() + "); nothing was written");
            }
            report.verify("ok: " + v.accounts() + " accounts, " + v.transactions() + " transactions, money supply "
                    + v.moneySupply());
            if (options.dryRun()) {
                h.rollback();
            } else {
                h.commit();
            }
            done = true;
            return report;
        } finally {
            if (!done) {
                h.rollback();
            }
        }
    }

    private static void refuseUnlessEmpty(Handle h) {
        long players = h.createQuery("SELECT COUNT(*) FROM accounts WHERE is_system = FALSE")
                .mapTo(Long.class)
                .one();
        if (players > 0) {
            Optional<String> one = h.createQuery(
                            "SELECT character_name FROM accounts WHERE is_system = FALSE ORDER BY id LIMIT 1")
                    .mapTo(String.class)
                    .findOne();
            throw new IllegalStateException("Refusing to import: the target database already has " + players
                    + " characters (e.g. '" + one.orElse("") + "'). import-original fills only an empty NeoBank "
                    + "database: point database.url at a new one");
        }
        long any =
                h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one()
                        + h.createQuery("SELECT COUNT(*) FROM transactions")
                                .mapTo(Long.class)
                                .one();
        if (any > 0) {
            throw new IllegalStateException("Refusing to import: the service has already started on the target "
                    + "database (it holds the mint, the house and its bankroll). Import into a new database, "
                    + "before the service's first start");
        }
    }

    private static List<OpeningBooks.HistoryRow> history(
            OriginalDatabase.Contents src, Map<Long, Long> ids, ImportReport report) {
        List<OpeningBooks.HistoryRow> rows = new ArrayList<>();
        for (OriginalDatabase.Tx t : src.transactions()) {
            String what = "transaction #" + t.id();
            Long from = t.fromId() == null ? null : ids.get(t.fromId());
            Long to = t.toId() == null ? null : ids.get(t.toId());
            if (from == null || to == null) {
                report.change(what + " not imported: "
                        + (from == null ? "from account " + t.fromId() : "to account " + t.toId())
                        + " does not exist (" + Amounts.raw(t.amount()) + ")");
                continue;
            }
            if (!Double.isFinite(t.amount())) {
                report.change(what + " not imported: its amount is not a number");
                continue;
            }
            Credits amount = Amounts.rounded(t.amount());
            if (!Amounts.exact(t.amount())) {
                report.rounding(what + " amount: " + Amounts.raw(t.amount()) + " -> " + amount);
            }
            if (amount.isNegative()) {
                report.change(what + " had a negative amount " + amount + ": imported the other way round");
                long swap = from;
                from = to;
                to = swap;
                amount = amount.negate();
            }
            if (!amount.isPositive() || from.equals(to)) {
                report.change(what + " not imported: "
                        + (!amount.isPositive() ? "its amount is 0.00" : "it moves from an account to itself"));
                continue;
            }
            TxType type = TYPES.get(t.type());
            if (type == null) {
                report.change(what + " has type '" + t.type() + "': imported as transfer");
                type = TxType.TRANSFER;
            }
            String memo = t.memo() == null ? "" : t.memo();
            if (memo.codePointCount(0, memo.length()) > MAX_MEMO) {
                memo = memo.substring(0, memo.offsetByCodePoints(0, MAX_MEMO));
                report.change(what + " memo cut to " + MAX_MEMO + " characters");
            }
            rows.add(new OpeningBooks.HistoryRow(t.id(), from, to, amount, memo, type, t.timestamp()));
        }
        return rows;
    }

    private static void counts(
            ImportReport report, OriginalDatabase.Contents src, AccountPlan plan, int txs, int adjustments, int keys) {
        report.count("users: " + src.users().size() + " read -> " + plan.players.size() + " characters ("
                + plan.players.stream().filter(AccountPlan.Planned::admin).count() + " GMs), the mint and the house");
        report.count("transactions: " + src.transactions().size() + " read -> " + txs + " imported, "
                + (src.transactions().size() - txs) + " not imported, " + adjustments
                + " import_adjustment rows added");
        report.count("api_keys: " + src.keys().size() + " read -> " + keys + " imported");
        report.count("audit_logs: " + src.audits().size() + " read -> "
                + src.audits().size() + " imported");
        report.count("casino_config: " + src.casino().size() + " read");
    }

    private static void money(ImportReport report, OriginalDatabase.Contents src, AccountPlan plan, Handle h) {
        BigDecimal before = BigDecimal.ZERO;
        for (OriginalDatabase.User u : src.users()) {
            if (plan.byOriginalId.get(u.id()) != plan.mint && Double.isFinite(u.balance())) {
                before = before.add(Amounts.shown(u.balance()));
            }
        }
        long mint = h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                .bind("n", plan.mint.number())
                .mapTo(Long.class)
                .one();
        report.money("before (sum of the original's stored balances, SYSTEM excluded): " + before.toPlainString());
        report.money("after (minus the mint's balance): " + new Credits(-mint));
    }
}
