package city.neotropolis.neobank.backup.original;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A database of the original NeoBank as its Flask/SQLAlchemy code leaves it, made from the facts in
 * issue 14: its DDL, naive-UTC datetimes (text on SQLite), float balances with binary noise,
 * {@code $2b$} bcrypt hashes written as Python's bcrypt writes them, non-ASCII names and passwords,
 * NULL and empty memos and factions, and books that do not balance: a lost update (Rook) and a
 * faction grant with no transaction row (Zoë).
 */
final class OriginalFixture {
    /** A character of the fixture: what the player typed, and the balance the original last showed. */
    record Player(
            long id,
            String name,
            String number,
            String password,
            String faction,
            String picture,
            boolean admin,
            int freeSpins,
            double stored) {
        /** What our service must show: hundredths. */
        long expectedHundredths() {
            return Math.round(stored * 100);
        }
    }

    static final double ZOE_BALANCE = 1000.0 - 0.1 - 0.2 - 19.99 + 500.0; // +500 faction grant without a row
    static final double ROOK_BALANCE = 1000.0 + 0.1 + 0.2; // the 250.55 debit was lost by a concurrent update
    static final double KAI_BALANCE = 1000.0 + 250.55 - 10.0 + 45.3;

    static final Player GM = new Player(3, "Gm Vex", "NC-GMVX-0001", "gm-vex-password", "Fixers", "", true, 0, 1000.0);
    static final Player ZOE = new Player(
            4,
            "Zoë Ångström",
            "NC-ZOEA-0002",
            "pässwörd-密码-ß",
            "Chrome Saints",
            "https://img/z.png",
            false,
            0,
            ZOE_BALANCE);
    static final Player ROOK = new Player(5, "Rook", "NC-ROOK-0003", "rookpass1", "", null, false, 0, ROOK_BALANCE);
    static final Player KAI =
            new Player(6, "Kai 🐉", "NC-KAI0-0004", "drachen-🐉-feuer", null, "🐉", false, 3, KAI_BALANCE);
    static final Player VENDOR =
            new Player(7, "Noodle Stall", "NC-NOOD-0005", "noodles-4-all", "", "🍜", false, 0, 1000.0 + 19.99);
    static final List<Player> PLAYERS = List.of(GM, ZOE, ROOK, KAI, VENDOR);

    static final double HOUSE_BALANCE = 10000.0 + 10.0 - 45.3;
    static final int TRANSACTIONS = 12;

    static final String ACTIVE_KEY = key();
    static final String INACTIVE_KEY = key();

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    static final LocalDateTime T0 = LocalDateTime.of(2026, 5, 1, 18, 30, 15, 123456000);

    private OriginalFixture() {}

    private static String key() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b); // Python's secrets.token_urlsafe(32)
    }

    /** bcrypt as Python's library writes it: $2b$, cost 12, over the UTF-8 bytes. */
    static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(12, password.toCharArray());
    }

    /** Creates the original's tables (SQLAlchemy's DDL for the dialect) and fills them. */
    static void build(Connection c, boolean postgres) throws SQLException {
        String id = postgres ? "SERIAL" : "INTEGER NOT NULL";
        String pk = postgres ? "PRIMARY KEY (id)" : "PRIMARY KEY (id)";
        String time = postgres ? "TIMESTAMP WITHOUT TIME ZONE" : "DATETIME";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id " + id + ", character_name VARCHAR(100) NOT NULL, "
                    + "password_hash VARCHAR(255) NOT NULL, account_number VARCHAR(20) NOT NULL, "
                    + "faction VARCHAR(50), balance FLOAT, is_admin BOOLEAN, profile_picture VARCHAR(255), "
                    + "free_spins INTEGER, created_at " + time + ", " + pk + ", UNIQUE (character_name), "
                    + "UNIQUE (account_number))");
            s.execute("CREATE TABLE transactions (id " + id + ", from_account_id INTEGER, to_account_id INTEGER, "
                    + "amount FLOAT NOT NULL, memo VARCHAR(140), timestamp " + time + ", "
                    + "transaction_type VARCHAR(50), " + pk + ", FOREIGN KEY(from_account_id) REFERENCES users (id), "
                    + "FOREIGN KEY(to_account_id) REFERENCES users (id))");
            s.execute("CREATE TABLE api_keys (id " + id + ", key_value VARCHAR(100) NOT NULL, "
                    + "description VARCHAR(200), created_by_user_id INTEGER, is_active BOOLEAN, created_at " + time
                    + ", last_used " + time + ", " + pk + ", UNIQUE (key_value), "
                    + "FOREIGN KEY(created_by_user_id) REFERENCES users (id))");
            s.execute("CREATE TABLE audit_logs (id " + id + ", admin_user_id INTEGER, action VARCHAR(100) NOT NULL, "
                    + "target_user_id INTEGER, details TEXT, timestamp " + time + ", " + pk + ", "
                    + "FOREIGN KEY(admin_user_id) REFERENCES users (id), "
                    + "FOREIGN KEY(target_user_id) REFERENCES users (id))");
            s.execute("CREATE TABLE casino_config (id " + id + ", game_name VARCHAR(50) NOT NULL, is_enabled BOOLEAN, "
                    + "payout_percentage FLOAT, updated_at " + time + ", " + pk + ", UNIQUE (game_name))");
        }
        user(c, postgres, 1, "SYSTEM", "NC-SYST-EM00", hash("nobody-logs-in-here"), null, 999999999.0, true, null, 0);
        user(
                c,
                postgres,
                2,
                "CASINO HOUSE",
                "NC-CASA-0000",
                hash("nor-here-either"),
                null,
                HOUSE_BALANCE,
                false,
                null,
                0);
        for (Player p : PLAYERS) {
            user(
                    c,
                    postgres,
                    p.id(),
                    p.name(),
                    p.number(),
                    hash(p.password()),
                    p.faction(),
                    p.stored(),
                    p.admin(),
                    p.picture(),
                    p.freeSpins());
        }
        int t = 0;
        for (Player p : PLAYERS) {
            tx(c, postgres, ++t, 1, p.id(), 1000.0, "Welcome to Neotropolis", "admin_adjustment");
        }
        tx(c, postgres, ++t, 1, 2, 10000.0, "House float", "admin_adjustment");
        tx(c, postgres, ++t, ZOE.id(), ROOK.id(), 0.1, null, "transfer");
        tx(c, postgres, ++t, ZOE.id(), ROOK.id(), 0.2, "", "transfer");
        tx(c, postgres, ++t, ROOK.id(), KAI.id(), 250.55, "Noodles 🍜 & <b>neon</b>", "transfer");
        tx(c, postgres, ++t, KAI.id(), 2, 10.0, "glitch_grid", "casino_bet");
        tx(c, postgres, ++t, 2, KAI.id(), 45.3, "glitch_grid", "casino_win");
        tx(c, postgres, ++t, ZOE.id(), VENDOR.id(), 19.99, "Terminal charge", "transfer");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (id, key_value, description, "
                + "created_by_user_id, is_active, created_at, last_used) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Object[][] keys = {
                {1, ACTIVE_KEY, "Noodle stall terminal", GM.id(), true, T0.plusMinutes(1)},
                {2, INACTIVE_KEY, "Stolen terminal", GM.id(), false, null}
            };
            for (Object[] k : keys) {
                ps.setInt(1, (Integer) k[0]);
                ps.setString(2, (String) k[1]);
                ps.setString(3, (String) k[2]);
                ps.setLong(4, (Long) k[3]);
                ps.setBoolean(5, (Boolean) k[4]);
                time(ps, 6, T0, postgres);
                time(ps, 7, (LocalDateTime) k[5], postgres);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_logs (id, admin_user_id, action, "
                + "target_user_id, details, timestamp) VALUES (?, ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                {1, GM.id(), "BALANCE_ADJUSTMENT", KAI.id(), "Adjusted balance by 1000.0"},
                {2, GM.id(), "FACTION_CREDITS", null, "Chrome Saints +500.0 (1 member)"},
                {3, GM.id(), "API_KEY_CREATED", null, null}
            };
            for (Object[] r : rows) {
                ps.setInt(1, (Integer) r[0]);
                ps.setLong(2, (Long) r[1]);
                ps.setString(3, (String) r[2]);
                if (r[3] == null) {
                    ps.setNull(4, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(4, (Long) r[3]);
                }
                ps.setString(5, (String) r[4]);
                time(ps, 6, T0.plusHours((Integer) r[0]), postgres);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO casino_config (id, game_name, is_enabled, payout_percentage, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            Object[][] rows = {{1, "glitch_grid", true, 271.5}, {2, "starlight_smuggler", false, 131.0}};
            for (Object[] r : rows) {
                ps.setInt(1, (Integer) r[0]);
                ps.setString(2, (String) r[1]);
                ps.setBoolean(3, (Boolean) r[2]);
                ps.setDouble(4, (Double) r[3]);
                time(ps, 5, T0, postgres);
                ps.executeUpdate();
            }
        }
        if (postgres) {
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"users", "transactions", "api_keys", "audit_logs", "casino_config"}) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM "
                            + table + "))");
                }
            }
        }
    }

    private static void user(
            Connection c,
            boolean postgres,
            long id,
            String name,
            String number,
            String hash,
            String faction,
            double balance,
            boolean admin,
            String picture,
            int spins)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, character_name, password_hash, "
                + "account_number, faction, balance, is_admin, profile_picture, free_spins, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, hash);
            ps.setString(4, number);
            ps.setString(5, faction);
            ps.setDouble(6, balance);
            ps.setBoolean(7, admin);
            ps.setString(8, picture);
            ps.setInt(9, spins);
            time(ps, 10, T0.plusSeconds(id), postgres);
            ps.executeUpdate();
        }
    }

    private static void tx(
            Connection c, boolean postgres, long id, long from, long to, double amount, String memo, String type)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transactions (id, from_account_id, "
                + "to_account_id, amount, memo, timestamp, transaction_type) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setDouble(4, amount);
            ps.setString(5, memo);
            time(ps, 6, T0.plusMinutes(10 + id), postgres);
            ps.setString(7, type);
            ps.executeUpdate();
        }
    }

    private static void time(PreparedStatement ps, int index, LocalDateTime t, boolean postgres) throws SQLException {
        if (t == null) {
            ps.setNull(index, postgres ? java.sql.Types.TIMESTAMP : java.sql.Types.VARCHAR);
        } else if (postgres) {
            ps.setTimestamp(index, Timestamp.valueOf(t));
        } else {
            ps.setString(index, t.format(SQLITE_TIME));
        }
    }

    /** When the fixture says a transaction happened, in epoch millis (UTC). */
    static long txMillis(long id) {
        return T0.plusMinutes(10 + id).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }
}
