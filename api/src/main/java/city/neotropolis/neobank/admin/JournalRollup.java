package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.ledger.TxType;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the append-only journal per minute into {@code journal_minutes} and
 * {@code journal_minute_players}, so the dashboard's series never scans the journal. Each unit
 * takes the next rows by id (at most {@link #CHUNK}, so payments never wait long behind it), moves
 * {@code journal_rollup.last_id} by compare-and-set (two callers cannot add the same rows twice),
 * and leaves the last {@link #SETTLE} alone: on PostgreSQL a row with a lower id may still commit.
 * Rows not yet summed are read from the journal itself by {@link EconomySeries}. Every lookup here
 * goes by id; {@code +created_at} keeps the planners from walking the created_at index instead.
 */
public final class JournalRollup {
    static final int CHUNK = 50_000;
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final long MINUTE_MS = 60_000;
    /** Rows whose sender counts as an active player (never the mint or the house: see the join). */
    static final String ACTIVE_TYPES =
            "('" + TxType.TRANSFER.code() + "', '" + TxType.CASINO_BET.code() + "', '" + TxType.EXTERNAL.code() + "')";

    static final String GAME = "CASE WHEN t.type IN ('" + TxType.CASINO_BET.code() + "', '" + TxType.CASINO_WIN.code()
            + "') THEN t.memo ELSE '' END";
    static final String MINT_NET = "SUM(CASE WHEN t.from_account_id = :mint THEN t.amount"
            + " WHEN t.to_account_id = :mint THEN -t.amount ELSE 0 END)";

    private static final Logger LOG = LoggerFactory.getLogger(JournalRollup.class);

    private final Database db;
    private final Clock clock;

    public JournalRollup(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sums everything settled so far; returns the journal rows added. */
    public long catchUp() {
        long total = 0;
        long added;
        do {
            added = step();
            total += added;
        } while (added == CHUNK);
        return total;
    }

    /** For the scheduler: never throws, logs what it did when it did much. */
    void runQuietly() {
        try {
            long t0 = System.nanoTime();
            long n = catchUp();
            if (n >= CHUNK) {
                LOG.info("Journal rollup: {} rows summed in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            LOG.warn("Journal rollup failed; the series reads the journal directly meanwhile", e);
        }
    }

    /** One unit: at most CHUNK rows. */
    long step() {
        long settled = clock.millis() - SETTLE.toMillis();
        return db.writer().write(s -> {
            Handle h = s.handle();
            long last = lastId(h);
            long upTo = h.createQuery("SELECT COALESCE(MAX(id), :last) FROM (SELECT id FROM transactions "
                            + "WHERE id > :last AND +created_at < :settled ORDER BY id LIMIT :chunk) x")
                    .bind("last", last)
                    .bind("settled", settled)
                    .bind("chunk", CHUNK)
                    .mapTo(Long.class)
                    .one();
            if (upTo == last) {
                return 0L;
            }
            int moved = h.createUpdate("UPDATE journal_rollup SET last_id = :upTo WHERE id = 1 AND last_id = :last")
                    .bind("upTo", upTo)
                    .bind("last", last)
                    .execute();
            if (moved == 0) {
                return 0L; // another caller summed these rows
            }
            long mint = mintId(h);
            h.createUpdate("INSERT INTO journal_minutes (minute, type, game, row_count, amount, mint_net) "
                            + "SELECT (t.created_at / " + MINUTE_MS + ") * " + MINUTE_MS + ", t.type, " + GAME
                            + ", COUNT(*), SUM(t.amount), " + MINT_NET
                            + " FROM transactions t WHERE t.id > :last AND t.id <= :upTo"
                            + " GROUP BY (t.created_at / " + MINUTE_MS + ") * " + MINUTE_MS + ", t.type, " + GAME
                            + " ON CONFLICT (minute, type, game) DO UPDATE SET"
                            + " row_count = journal_minutes.row_count + excluded.row_count,"
                            + " amount = journal_minutes.amount + excluded.amount,"
                            + " mint_net = journal_minutes.mint_net + excluded.mint_net")
                    .bind("last", last)
                    .bind("upTo", upTo)
                    .bind("mint", mint)
                    .execute();
            h.createUpdate("INSERT INTO journal_minute_players (minute, account_id) "
                            + "SELECT DISTINCT (t.created_at / " + MINUTE_MS + ") * " + MINUTE_MS
                            + ", t.from_account_id"
                            + " FROM transactions t JOIN accounts a ON a.id = t.from_account_id"
                            + " WHERE t.id > :last AND t.id <= :upTo AND a.is_system = FALSE AND t.type IN "
                            + ACTIVE_TYPES + " ON CONFLICT (minute, account_id) DO NOTHING")
                    .bind("last", last)
                    .bind("upTo", upTo)
                    .execute();
            // Recount the minutes this chunk touched: a minute split across two chunks stays exact.
            h.createUpdate("INSERT INTO journal_minute_activity (minute, players) "
                            + "SELECT p.minute, COUNT(*) FROM journal_minute_players p"
                            + " WHERE p.minute >= (SELECT (MIN(+created_at) / " + MINUTE_MS + ") * " + MINUTE_MS
                            + " FROM transactions WHERE id > :last AND id <= :upTo)"
                            + " AND p.minute <= (SELECT MAX(+created_at) FROM transactions WHERE id > :last AND id <= :upTo)"
                            + " GROUP BY p.minute ON CONFLICT (minute) DO UPDATE SET players = excluded.players")
                    .bind("last", last)
                    .bind("upTo", upTo)
                    .execute();
            return h.createQuery("SELECT COUNT(*) FROM transactions WHERE id > :last AND id <= :upTo")
                    .bind("last", last)
                    .bind("upTo", upTo)
                    .mapTo(Long.class)
                    .one();
        });
    }

    static long lastId(Handle h) {
        return h.createQuery("SELECT last_id FROM journal_rollup WHERE id = 1")
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    static long mintId(Handle h) {
        return h.createQuery("SELECT id FROM accounts WHERE account_number = :n")
                .bind("n", SystemAccounts.MINT_NUMBER)
                .mapTo(Long.class)
                .findOne()
                .orElse(-1L);
    }
}
