package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The economy over time for the GM dashboard, in buckets of whole minutes: money supply, transfers,
 * spins, terminal payments, credits wagered and paid out, the house's take and active players, plus
 * each game's realised return in the window. Reads the per-minute sums of {@link JournalRollup}
 * and, for the few rows it has not summed yet, the journal itself (by id, on its primary key), all
 * in one snapshot, so the answer is exact and current and its cost does not grow with the journal.
 * The unsummed rows are found by id alone: the last summed id is written into the SQL (a number
 * read from the database, never input) so PostgreSQL plans for its value rather than a generic
 * "id > ?", and {@code +created_at} keeps both planners off the created_at index, which would walk
 * every journal row of the window instead.
 */
public final class EconomySeries {
    static final long MINUTE_MS = JournalRollup.MINUTE_MS;
    /** A day by the minute, plus the partial minute at each end. */
    static final int MAX_BUCKETS = 1442;

    static final long MAX_STEP_S = 86_400;
    static final long DEFAULT_WINDOW_MS = 3_600_000;

    /** Columns for a chart library: {@code t[i]} (epoch seconds, bucket start) and each value at i. */
    public record Series(
            String from,
            String to,
            long stepSeconds,
            long[] t,
            List<Credits> moneySupply,
            long[] transfers,
            long[] spins,
            long[] terminalPayments,
            List<Credits> wagered,
            List<Credits> paidOut,
            List<Credits> houseTake,
            long[] activePlayers,
            List<Game> games) {}

    /** One game in the window. */
    public record Game(
            String game,
            long spins,
            Credits wagered,
            Credits paidOut,
            Credits houseTake,
            BigDecimal realisedRtpPercent) {}

    private final Database db;
    private final Clock clock;

    public EconomySeries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The window [from, to) in steps of {@code stepSeconds}; null parameters take the defaults (the last hour by minute). */
    public Series series(String fromParam, String toParam, Long stepSeconds) {
        long now = clock.millis();
        long to = ceilMinute(toParam == null || toParam.isBlank() ? now : instant(toParam, "to"));
        long from = floorMinute(
                fromParam == null || fromParam.isBlank() ? to - DEFAULT_WINDOW_MS : instant(fromParam, "from"));
        long step = stepSeconds == null ? 60 : stepSeconds;
        if (step < 60 || step > MAX_STEP_S || step % 60 != 0) {
            throw ApiException.badRequest(
                    "step must be a whole number of minutes in seconds, from 60 to " + MAX_STEP_S);
        }
        if (from >= to) {
            throw ApiException.badRequest("from must be before to");
        }
        long stepMs = step * 1000;
        long buckets = (to - from + stepMs - 1) / stepMs;
        if (buckets > MAX_BUCKETS) {
            throw ApiException.badRequest("At most " + MAX_BUCKETS + " buckets: widen step or narrow from/to");
        }
        int n = (int) buckets;
        return db.snapshot(h -> read(h, from, to, stepMs, n));
    }

    private Series read(Handle h, long from, long to, long stepMs, int n) {
        long last = JournalRollup.lastId(h);
        long mint = JournalRollup.mintId(h);
        long[] transfers = new long[n];
        long[] spins = new long[n];
        long[] terminal = new long[n];
        long[] wagered = new long[n];
        long[] paid = new long[n];
        long[] mintNet = new long[n];
        Map<String, long[]> games = new TreeMap<>();
        // Per minute: the summed minutes, and the rows not summed yet (id > last), in one list.
        String perMinute = "SELECT minute, type, game, row_count, amount, mint_net FROM journal_minutes"
                + " WHERE minute >= :from AND minute < :to"
                + " UNION ALL SELECT (t.created_at / " + MINUTE_MS + ") * " + MINUTE_MS + ", t.type, "
                + JournalRollup.GAME + ", 1, t.amount, CASE WHEN t.from_account_id = :mint THEN t.amount"
                + " WHEN t.to_account_id = :mint THEN -t.amount ELSE 0 END"
                + " FROM transactions t WHERE t.id > " + last + " AND +t.created_at >= :from AND +t.created_at < :to";
        h.createQuery(perMinute)
                .bind("from", from)
                .bind("to", to)
                .bind("mint", mint)
                .map((rs, ctx) -> {
                    int i = (int) ((rs.getLong(1) - from) / stepMs);
                    String type = rs.getString(2);
                    long count = rs.getLong(4);
                    long amount = rs.getLong(5);
                    mintNet[i] += rs.getLong(6);
                    if (TxType.TRANSFER.code().equals(type)) {
                        transfers[i] += count;
                    } else if (TxType.EXTERNAL.code().equals(type)) {
                        terminal[i] += count;
                    } else if (TxType.CASINO_BET.code().equals(type)) {
                        spins[i] += count;
                        wagered[i] += amount;
                        long[] g = games.computeIfAbsent(rs.getString(3), k -> new long[3]);
                        g[0] += count;
                        g[1] += amount;
                    } else if (TxType.CASINO_WIN.code().equals(type)) {
                        paid[i] += amount;
                        games.computeIfAbsent(rs.getString(3), k -> new long[3])[2] += amount;
                    }
                    return i;
                })
                .list();
        long[] active = activePlayers(h, from, to, stepMs, n, last);
        // The supply at the end of each bucket: today's, less what the mint issued after that.
        long supplyNow = -h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                .bind("n", SystemAccounts.MINT_NUMBER)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
        long issuedAfter = h.createQuery("SELECT COALESCE(SUM(mint_net), 0) FROM journal_minutes WHERE minute >= :to")
                        .bind("to", to)
                        .mapTo(Long.class)
                        .one()
                + h.createQuery("SELECT COALESCE(SUM(CASE WHEN from_account_id = :mint THEN amount"
                                + " WHEN to_account_id = :mint THEN -amount ELSE 0 END), 0)"
                                + " FROM transactions WHERE id > " + last + " AND +created_at >= :to")
                        .bind("mint", mint)
                        .bind("to", to)
                        .mapTo(Long.class)
                        .one();
        long[] supply = new long[n];
        long running = supplyNow - issuedAfter;
        for (int i = n - 1; i >= 0; i--) {
            supply[i] = running;
            running -= mintNet[i];
        }
        long[] t = new long[n];
        long[] take = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = (from + i * stepMs) / 1000;
            take[i] = wagered[i] - paid[i];
        }
        List<Game> perGame = new ArrayList<>();
        games.forEach((name, g) -> perGame.add(new Game(
                name,
                g[0],
                new Credits(g[1]),
                new Credits(g[2]),
                new Credits(g[1] - g[2]),
                g[1] == 0
                        ? null
                        : BigDecimal.valueOf(g[2])
                                .multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(g[1]), 2, RoundingMode.HALF_EVEN))));
        return new Series(
                Timestamps.iso(from),
                Timestamps.iso(to),
                stepMs / 1000,
                t,
                credits(supply),
                transfers,
                spins,
                terminal,
                credits(wagered),
                credits(paid),
                credits(take),
                active,
                perGame);
    }

    /**
     * Per bucket, the most players active in one of its minutes (sent, bet or paid): summed per
     * minute by the rollup; the minutes that also have rows not summed yet are counted afresh.
     */
    private static long[] activePlayers(Handle h, long from, long to, long stepMs, int n, long last) {
        Map<Long, Long> perMinute = new TreeMap<>();
        h.createQuery("SELECT minute, players FROM journal_minute_activity WHERE minute >= :from AND minute < :to")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> perMinute.put(rs.getLong(1), rs.getLong(2)))
                .list();
        Long tailStart = h.createQuery("SELECT MIN(+created_at) FROM transactions" + " WHERE id > " + last
                        + " AND +created_at >= :from AND +created_at < :to")
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one();
        if (tailStart != null) {
            h.createQuery("SELECT m, COUNT(DISTINCT a) FROM ("
                            + "SELECT minute AS m, account_id AS a FROM journal_minute_players WHERE minute >= :start AND minute < :to"
                            + " UNION SELECT (t.created_at / " + MINUTE_MS + ") * " + MINUTE_MS + ", t.from_account_id"
                            + " FROM transactions t JOIN accounts acc ON acc.id = t.from_account_id"
                            + " WHERE t.id > " + last + " AND +t.created_at >= :from AND +t.created_at < :to"
                            + " AND acc.is_system = FALSE AND t.type IN " + JournalRollup.ACTIVE_TYPES
                            + ") x GROUP BY m")
                    .bind("start", floorMinute(tailStart))
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> perMinute.put(rs.getLong(1), rs.getLong(2)))
                    .list();
        }
        long[] active = new long[n];
        perMinute.forEach((minute, players) -> {
            int i = (int) ((minute - from) / stepMs);
            active[i] = Math.max(active[i], players);
        });
        return active;
    }

    private static List<Credits> credits(long[] hundredths) {
        return Arrays.stream(hundredths).mapToObj(Credits::new).toList();
    }

    private static long instant(String text, String name) {
        String s = text.trim();
        try {
            if (s.chars().allMatch(Character::isDigit) && s.length() <= 15) {
                return Long.parseLong(s);
            }
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest(
                    name + " must be an ISO-8601 instant (2026-05-30T18:00:00Z) or epoch milliseconds");
        }
    }

    private static long floorMinute(long ms) {
        return Math.floorDiv(ms, MINUTE_MS) * MINUTE_MS;
    }

    private static long ceilMinute(long ms) {
        return -Math.floorDiv(-ms, MINUTE_MS) * MINUTE_MS;
    }
}
