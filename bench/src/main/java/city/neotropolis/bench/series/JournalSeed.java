package city.neotropolis.bench.series;

import city.neotropolis.neobank.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.SplittableRandom;

/**
 * Journal rows the way a weekend of play writes them: half casino bets, a fifth wins, transfers,
 * terminal charges and the mint's grants, evenly spread over [from, to). Written with plain JDBC in
 * batches (a benchmark's set-up, not a path the service takes); balances are left alone.
 */
final class JournalSeed {
    private static final String MINT = "NC-SYST-EM00";
    private static final String HOUSE = "NC-CASA-0000";

    private JournalSeed() {}

    static void seed(Database db, int rows, int players, long from, long to) throws Exception {
        try (var h = db.reads().open()) {
            Connection c = h.getConnection();
            long mint = id(c, MINT, "NeoBank Mint");
            long house = id(c, HOUSE, "Chrome Slots House");
            long[] ids = new long[players];
            for (int i = 0; i < players; i++) {
                ids[i] = id(c, String.format("NC-BNCH-%04d", i), "Bench Player " + i);
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            SplittableRandom r = new SplittableRandom(42);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO transactions "
                            + "(from_account_id, to_account_id, amount, memo, type, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, 'bench')")) {
                for (int i = 0; i < rows; i++) {
                    long a = ids[r.nextInt(players)];
                    long b = ids[r.nextInt(players)];
                    if (a == b) {
                        b = ids[(int) ((java.util.Arrays.binarySearch(ids, a) + 1) % players)];
                    }
                    int k = r.nextInt(100);
                    String game = r.nextBoolean() ? "glitch_grid" : "starlight_smuggler";
                    if (k < 50) {
                        row(ps, a, house, 1000, game, "casino_bet");
                    } else if (k < 70) {
                        row(ps, house, a, 500 + r.nextInt(3000), game, "casino_win");
                    } else if (k < 90) {
                        row(ps, a, b, 100 + r.nextInt(5000), "bench transfer", "transfer");
                    } else if (k < 97) {
                        row(ps, a, b, 100 + r.nextInt(2000), "bench terminal", "external");
                    } else {
                        row(ps, mint, a, 10_000, "bench grant", "admin_adjustment");
                    }
                    ps.setLong(6, from + (to - from) * i / Math.max(1, rows));
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE accounts SET balance = -(SELECT COALESCE(SUM(amount), 0) "
                            + "FROM transactions WHERE from_account_id = ?) WHERE id = ?")) {
                ps.setLong(1, mint);
                ps.setLong(2, mint);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(auto);
        }
    }

    private static void row(PreparedStatement ps, long from, long to, long amount, String memo, String type)
            throws Exception {
        ps.setLong(1, from);
        ps.setLong(2, to);
        ps.setLong(3, amount);
        ps.setString(4, memo);
        ps.setString(5, type);
    }

    /** The account's id, created (with the columns the schema requires) when it is missing. */
    private static long id(Connection c, String number, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts WHERE account_number = ?")) {
            ps.setString(1, number);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO accounts (account_number, character_name, name_key, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, number);
            ps.setString(2, name);
            ps.setString(3, name.toLowerCase(java.util.Locale.ROOT));
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
        }
        return id(c, number, name);
    }
}
