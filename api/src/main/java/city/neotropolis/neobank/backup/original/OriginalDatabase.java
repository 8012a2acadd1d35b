package city.neotropolis.neobank.backup.original;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads the original NeoBank's database (Flask + SQLAlchemy, on SQLite or PostgreSQL) into plain
 * records, on one read-only snapshot, after checking it is whole and really the original's: a
 * cut-off file, a file of another kind or a database without the original's tables is refused
 * before anything is read.
 */
public final class OriginalDatabase {
    /** The tables and the columns the import reads; anything more is left alone. */
    static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put(
                "users",
                List.of(
                        "id",
                        "character_name",
                        "password_hash",
                        "account_number",
                        "faction",
                        "balance",
                        "is_admin",
                        "profile_picture",
                        "free_spins",
                        "created_at"));
        SCHEMA.put(
                "transactions",
                List.of("id", "from_account_id", "to_account_id", "amount", "memo", "timestamp", "transaction_type"));
        SCHEMA.put(
                "api_keys",
                List.of(
                        "id",
                        "key_value",
                        "description",
                        "created_by_user_id",
                        "is_active",
                        "created_at",
                        "last_used"));
        SCHEMA.put("audit_logs", List.of("id", "admin_user_id", "action", "target_user_id", "details", "timestamp"));
        SCHEMA.put("casino_config", List.of("game_name", "is_enabled", "payout_percentage", "updated_at"));
    }

    public record User(
            long id,
            String characterName,
            String passwordHash,
            String accountNumber,
            String faction,
            double balance,
            boolean isAdmin,
            String profilePicture,
            int freeSpins,
            long createdAt) {}

    public record Tx(long id, Long fromId, Long toId, double amount, String memo, long timestamp, String type) {}

    public record Key(
            long id, String value, String description, Long createdBy, boolean active, long createdAt, Long lastUsed) {}

    public record Audit(long id, Long adminId, String action, Long targetId, String details, long timestamp) {}

    public record Casino(String gameName, boolean enabled, double payoutPercentage, long updatedAt) {}

    /** Everything the import needs, as read. */
    public record Contents(
            String source,
            List<User> users,
            List<Tx> transactions,
            List<Key> keys,
            List<Audit> audits,
            List<Casino> casino) {}

    private OriginalDatabase() {}

    /**
     * Reads {@code source}: a SQLite file, or a {@code jdbc:postgresql:} URL (then {@code user} and
     * {@code password} log in; either may be null).
     *
     * @throws IllegalArgumentException when the source is damaged, cut off or not the original's
     */
    public static Contents read(String source, String user, String password) throws SQLException, IOException {
        if (source.startsWith("jdbc:postgresql:")) {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            try (Connection c = DriverManager.getConnection(source, p)) {
                return read(c, source.replaceAll("password=[^&]*", "password=***"));
            }
        }
        if (source.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "SOURCE is the original's SQLite file or a jdbc:postgresql: URL, not " + source);
        }
        Path file = Path.of(source).toAbsolutePath();
        SqliteHeader.check(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(first)) {
                    throw new IllegalArgumentException(file + " is damaged (SQLite integrity check: " + first + ")");
                }
            } catch (SQLException e) {
                throw new IllegalArgumentException(file + " is damaged or not a SQLite database: " + e.getMessage(), e);
            }
            return read(c, file.toString());
        }
    }

    static Contents read(Connection c, String label) throws SQLException {
        checkSchema(c, label);
        boolean postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        if (postgres) {
            // One snapshot of the live original, and no way to write to it by mistake.
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        c.setAutoCommit(false);
        try {
            Contents contents = new Contents(label, users(c), transactions(c), keys(c), audits(c), casino(c));
            c.rollback();
            return contents;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void checkSchema(Connection c, String label) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (Map.Entry<String, List<String>> t : SCHEMA.entrySet()) {
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = meta.getColumns(null, null, t.getKey(), null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(label + " is not the original NeoBank's database: it has no table "
                        + t.getKey()
                        + (hasTable(meta, "accounts") ? " (it looks like a NeoBank database: use restore)" : ""));
            }
            for (String col : t.getValue()) {
                if (!columns.contains(col)) {
                    throw new IllegalArgumentException(label + " is not the original NeoBank's database: table "
                            + t.getKey() + " has no column " + col);
                }
            }
        }
    }

    private static boolean hasTable(DatabaseMetaData meta, String table) throws SQLException {
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
            return rs.next();
        }
    }

    private static List<User> users(Connection c) throws SQLException {
        List<User> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, character_name, password_hash, account_number, faction, "
                        + "balance, is_admin, profile_picture, free_spins, created_at FROM users ORDER BY id")) {
            while (rs.next()) {
                out.add(new User(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDouble(6),
                        rs.getBoolean(7),
                        rs.getString(8),
                        rs.getInt(9),
                        millis(rs.getObject(10), "users.created_at")));
            }
        }
        return out;
    }

    private static List<Tx> transactions(Connection c) throws SQLException {
        List<Tx> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, from_account_id, to_account_id, amount, memo, timestamp, "
                        + "transaction_type FROM transactions ORDER BY id")) {
            while (rs.next()) {
                out.add(new Tx(
                        rs.getLong(1),
                        nullableLong(rs, 2),
                        nullableLong(rs, 3),
                        rs.getDouble(4),
                        rs.getString(5),
                        millis(rs.getObject(6), "transactions.timestamp"),
                        rs.getString(7)));
            }
        }
        return out;
    }

    private static List<Key> keys(Connection c) throws SQLException {
        List<Key> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, key_value, description, created_by_user_id, is_active, "
                        + "created_at, last_used FROM api_keys ORDER BY id")) {
            while (rs.next()) {
                Object lastUsed = rs.getObject(7);
                out.add(new Key(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        nullableLong(rs, 4),
                        rs.getBoolean(5),
                        millis(rs.getObject(6), "api_keys.created_at"),
                        lastUsed == null ? null : millis(lastUsed, "api_keys.last_used")));
            }
        }
        return out;
    }

    private static List<Audit> audits(Connection c) throws SQLException {
        List<Audit> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, admin_user_id, action, target_user_id, details, timestamp "
                        + "FROM audit_logs ORDER BY id")) {
            while (rs.next()) {
                out.add(new Audit(
                        rs.getLong(1),
                        nullableLong(rs, 2),
                        rs.getString(3),
                        nullableLong(rs, 4),
                        rs.getString(5),
                        millis(rs.getObject(6), "audit_logs.timestamp")));
            }
        }
        return out;
    }

    private static List<Casino> casino(Connection c) throws SQLException {
        List<Casino> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT game_name, is_enabled, payout_percentage, updated_at FROM casino_config ORDER BY game_name")) {
            while (rs.next()) {
                out.add(new Casino(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getDouble(3),
                        millis(rs.getObject(4), "casino_config.updated_at")));
            }
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * SQLAlchemy's datetimes, naive UTC: text {@code YYYY-MM-DD HH:MM:SS.ffffff} on SQLite, a
     * {@code timestamp} on PostgreSQL. A missing one reads as the epoch, so no row is lost over it.
     */
    static long millis(Object value, String column) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value.toString().trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Unreadable time in " + column + ": " + value, e2);
            }
        }
    }
}
