package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The economy at a glance, from one consistent snapshot: money supply, casino take, activity, factions, top balances. */
final class EconomyStats {
    static final Duration ACTIVE_WINDOW = Duration.ofHours(1);
    static final int TOP = 10;

    /** One slot machine's results from the journal (the game name is the memo of its bet and win rows). */
    record GameTake(
            String game,
            long bets,
            Credits wagered,
            long wins,
            Credits paidOut,
            Credits take,
            BigDecimal realisedRtpPercent) {}

    /** A player among the richest. */
    record TopBalance(String characterName, String accountNumber, String faction, Credits balance) {}

    record Stats(
            String generatedAt,
            Credits moneySupply,
            Credits houseBalance,
            long players,
            long frozenPlayers,
            long transactions,
            long transactionsLastHour,
            long activePlayersLastHour,
            List<GameTake> casino,
            Credits casinoTake,
            List<AdminDao.FactionTotal> factions,
            List<TopBalance> topBalances) {}

    private EconomyStats() {}

    static Stats compute(Database db, Clock clock) {
        long now = clock.millis();
        long since = now - ACTIVE_WINDOW.toMillis();
        return db.snapshot(h -> {
            long mint = balance(h, SystemAccounts.MINT_NUMBER);
            long house = balance(h, SystemAccounts.HOUSE_NUMBER);
            long players = one(h, "SELECT COUNT(*) FROM accounts WHERE is_system = FALSE");
            long frozen = one(h, "SELECT COUNT(*) FROM accounts WHERE is_system = FALSE AND frozen = TRUE");
            long txs = one(h, "SELECT COUNT(*) FROM transactions");
            long recent = h.createQuery("SELECT COUNT(*) FROM transactions WHERE created_at >= :s")
                    .bind("s", since)
                    .mapTo(Long.class)
                    .one();
            // Who sent, bet or paid in the last hour, plus whoever logged in or used the app (ActivityFilter).
            long active = h.createQuery("SELECT COUNT(*) FROM ("
                            + "SELECT t.from_account_id AS id FROM transactions t JOIN accounts a ON a.id = t.from_account_id "
                            + "WHERE t.created_at >= :s AND a.is_system = FALSE "
                            + "UNION SELECT id FROM accounts WHERE last_active_at >= :s AND is_system = FALSE) x")
                    .bind("s", since)
                    .mapTo(Long.class)
                    .one();
            List<GameTake> casino = casino(h);
            Credits take = casino.stream().map(GameTake::take).reduce(Credits.ZERO, Credits::plus);
            List<AdminDao.FactionTotal> factions = h.attach(AdminDao.class).factions();
            List<TopBalance> top = h.createQuery(
                            "SELECT character_name, account_number, faction, balance FROM accounts "
                                    + "WHERE is_system = FALSE ORDER BY balance DESC, id LIMIT :n")
                    .bind("n", TOP)
                    .map((rs, ctx) -> new TopBalance(
                            rs.getString(1), rs.getString(2), rs.getString(3), new Credits(rs.getLong(4))))
                    .list();
            return new Stats(
                    Timestamps.iso(now),
                    new Credits(-mint),
                    new Credits(house),
                    players,
                    frozen,
                    txs,
                    recent,
                    active,
                    casino,
                    take,
                    factions,
                    top);
        });
    }

    private static List<GameTake> casino(Handle h) {
        Map<String, long[]> byGame = new TreeMap<>();
        // The per-minute sums of JournalRollup plus the rows it has not summed yet (by id): the same
        // figures as grouping the whole journal, without reading a million rows on every refresh.
        long last = JournalRollup.lastId(h);
        h.createQuery("SELECT game, type, SUM(row_count), SUM(amount) FROM journal_minutes WHERE type IN (:bet, :win)"
                        + " GROUP BY game, type UNION ALL SELECT memo, type, COUNT(*), SUM(amount) FROM transactions"
                        + " WHERE id > " + last + " AND type IN (:bet, :win) GROUP BY memo, type")
                .bind("bet", TxType.CASINO_BET.code())
                .bind("win", TxType.CASINO_WIN.code())
                .map((rs, ctx) -> {
                    long[] g = byGame.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    int at = TxType.CASINO_BET.code().equals(rs.getString(2)) ? 0 : 2;
                    g[at] += rs.getLong(3);
                    g[at + 1] += rs.getLong(4);
                    return g;
                })
                .list();
        return byGame.entrySet().stream()
                .map(e -> {
                    long[] g = e.getValue();
                    BigDecimal rtp = g[1] == 0
                            ? null
                            : BigDecimal.valueOf(g[3])
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(BigDecimal.valueOf(g[1]), 2, RoundingMode.HALF_EVEN);
                    return new GameTake(
                            e.getKey(),
                            g[0],
                            new Credits(g[1]),
                            g[2],
                            new Credits(g[3]),
                            new Credits(g[1] - g[3]),
                            rtp);
                })
                .toList();
    }

    private static long one(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static long balance(Handle h, String accountNumber) {
        return h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                .bind("n", accountNumber)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }
}
