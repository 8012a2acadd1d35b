package city.neotropolis.neobank.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth; override with
 * NEOBANK_TEST_PG_URL / NEOBANK_TEST_PG_USER). Each test class gets a database of its own. Where
 * no server answers (a laptop), classes marked {@code @EnabledIf(Postgres.AVAILABLE)} are skipped
 * with a message saying so; CI always starts one.
 */
public final class Postgres {
    public static final String AVAILABLE = "city.neotropolis.neobank.support.Postgres#available";
    public static final String SKIP_REASON = "no PostgreSQL server reachable at " + "127.0.0.1:5432";
    private static final String BASE =
            System.getenv().getOrDefault("NEOBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("NEOBANK_TEST_PG_USER", "postgres");
    private static Boolean available;

    private Postgres() {}

    public static synchronized boolean available() {
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

    /**
     * Creates a new empty database and returns its JDBC URL. Its name carries its creation time
     * ({@code neobank_test_<epoch seconds>_<random>}) so that a clean-up of crashed runs (.ci/run)
     * can drop only old ones and never a database another run is using; {@link #drop} removes it.
     */
    public static String freshDatabase() {
        String name = "neobank_test_" + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(BASE + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return BASE + name;
    }

    /** Drops a database made by {@link #freshDatabase}, even with connections still open to it. */
    public static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        if (!name.matches("neobank_test_[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a test database: " + url);
        }
        try (Connection c = DriverManager.getConnection(BASE + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name, e);
        }
    }
}
