package city.neotropolis.gm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the real PostgreSQL server (127.0.0.1:5432, user postgres, trust), named
 * like the api tests' ones ({@code neobank_test_<epoch seconds>_<random>}) and dropped when closed.
 */
final class PgDatabase implements AutoCloseable {
    static final String BASE = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";
    static final String SKIP_REASON = "no PostgreSQL server reachable at 127.0.0.1:5432";
    private static Boolean available;

    final String name;

    private PgDatabase(String name) {
        this.name = name;
    }

    static synchronized boolean available() {
        if (available == null) {
            try (Connection c = DriverManager.getConnection(BASE + "postgres?connectTimeout=3", USER, "")) {
                available = c.isValid(3);
            } catch (SQLException e) {
                available = false;
            }
            if (!available) {
                System.err.println("SKIPPING PostgreSQL tests: " + SKIP_REASON);
            }
        }
        return available;
    }

    static PgDatabase create() {
        PgDatabase db = new PgDatabase("neobank_test_" + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        db.admin("CREATE DATABASE " + db.name);
        return db;
    }

    String url() {
        return BASE + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(BASE + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
