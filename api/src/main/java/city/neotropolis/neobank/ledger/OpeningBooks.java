package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.money.Credits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Opens the books of a bank that takes over another bank's: its history goes into the journal as
 * it was (ids, times, memos), then, for each account whose history does not add up to the balance
 * it last showed, one {@link TxType#IMPORT_ADJUSTMENT} row from or to the mint, and only then the
 * balances are written. So the invariants hold from the first commit, and no intermediate state
 * (a history replayed with lost updates) has to pass the guarded updates of {@link Ledger}. Runs
 * inside the caller's transaction on a database whose journal is still empty.
 */
public final class OpeningBooks {
    private static final String INSERT = "INSERT INTO transactions "
            + "(id, from_account_id, to_account_id, amount, memo, type, created_at, idempotency_key, actor) "
            + "VALUES (:id, :from, :to, :amount, :memo, :type, :at, NULL, :actor)";

    /** One row of the earlier bank's history, already mapped to this bank's accounts. */
    public record HistoryRow(
            long id, long fromId, long toId, Credits amount, String memo, TxType type, long createdAt) {
        public HistoryRow {
            if (!amount.isPositive() || fromId == toId) {
                throw new IllegalArgumentException("A journal row needs a positive amount between two accounts");
            }
        }
    }

    /** An account whose history said {@code history} while it last showed {@code balance}. */
    public record Adjustment(long accountId, Credits history, Credits balance, long txId) {
        public Credits difference() {
            return balance.minus(history);
        }
    }

    private OpeningBooks() {}

    /**
     * Writes {@code history} and the adjustments, then sets every balance: each account in
     * {@code balances} (everyone but the mint) to its value, the mint to minus their sum.
     *
     * @return the adjustments made, in account id order
     */
    public static List<Adjustment> open(
            Handle h,
            Dialect dialect,
            long mintId,
            List<HistoryRow> history,
            Map<Long, Credits> balances,
            String actor,
            long now) {
        Map<Long, Long> net = new HashMap<>();
        long lastId = 0;
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (HistoryRow r : history) {
            batch.bind("id", r.id())
                    .bind("from", r.fromId())
                    .bind("to", r.toId())
                    .bind("amount", r.amount().hundredths())
                    .bind("memo", r.memo() == null ? "" : r.memo())
                    .bind("type", r.type().code())
                    .bind("at", r.createdAt())
                    .bind("actor", actor)
                    .add();
            net.merge(r.fromId(), -r.amount().hundredths(), Long::sum);
            net.merge(r.toId(), r.amount().hundredths(), Long::sum);
            lastId = Math.max(lastId, r.id());
        }
        if (!history.isEmpty()) {
            batch.execute();
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (Map.Entry<Long, Credits> e : new TreeMap<>(balances).entrySet()) {
            long account = e.getKey();
            if (account == mintId) {
                throw new IllegalArgumentException("The mint's balance follows from everyone else's");
            }
            Credits journal = new Credits(net.getOrDefault(account, 0L));
            Credits diff = e.getValue().minus(journal);
            if (diff.hundredths() == 0) {
                continue;
            }
            boolean up = diff.isPositive();
            long id = ++lastId;
            h.createUpdate(INSERT)
                    .bind("id", id)
                    .bind("from", up ? mintId : account)
                    .bind("to", up ? account : mintId)
                    .bind("amount", diff.abs().hundredths())
                    .bind("memo", "Balance carried over: shown " + e.getValue() + ", history " + journal)
                    .bind("type", TxType.IMPORT_ADJUSTMENT.code())
                    .bind("at", now)
                    .bind("actor", actor)
                    .execute();
            net.merge(account, diff.hundredths(), Long::sum);
            net.merge(mintId, -diff.hundredths(), Long::sum);
            adjustments.add(new Adjustment(account, journal, e.getValue(), id));
        }
        for (Map.Entry<Long, Credits> e : balances.entrySet()) {
            setBalance(h, e.getKey(), e.getValue().hundredths());
        }
        setBalance(h, mintId, net.getOrDefault(mintId, 0L));
        if (dialect == Dialect.POSTGRESQL && lastId > 0) {
            // Rows went in with their own ids: the identity must continue after the last one.
            h.createQuery("SELECT setval(pg_get_serial_sequence('transactions', 'id'), :last)")
                    .bind("last", lastId)
                    .mapTo(Long.class)
                    .one();
        }
        return adjustments;
    }

    private static void setBalance(Handle h, long account, long hundredths) {
        h.createUpdate("UPDATE accounts SET balance = :b WHERE id = :id")
                .bind("b", hundredths)
                .bind("id", account)
                .execute();
    }
}
